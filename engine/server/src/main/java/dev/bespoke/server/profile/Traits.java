package dev.bespoke.server.profile;

import dev.bespoke.server.context.support.CleanText;
import dev.bespoke.store.common.FieldError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for traits, self-stated or imported from a CRM: at most {@value #MAX_TRAITS} of them,
 * names usable in a rule ({@code profile.<name>}), values strings (plain text: no control
 * characters, no half surrogate pairs), numbers or booleans only. A nested object would be a
 * second, unchecked profile; a long string is not a preference.
 */
public final class Traits {

  public static final int MAX_TRAITS = 50;
  public static final int MAX_STRING = 256;
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private Traits() {}

  /**
   * Every rule the traits break, each naming {@code <field>.<trait>}; empty when they are valid.
   * {@code field} is the JSON path of the traits object in the request.
   */
  public static List<FieldError> check(Map<String, ?> traits, String field) {
    List<FieldError> errors = new ArrayList<>();
    if (traits == null) {
      errors.add(new FieldError(field, "is required"));
      return errors;
    }
    if (traits.size() > MAX_TRAITS) {
      errors.add(new FieldError(field, "at most " + MAX_TRAITS + " traits"));
    }
    for (Map.Entry<String, ?> trait : traits.entrySet()) {
      String name = trait.getKey();
      if (!NAME.matcher(name).matches()) {
        errors.add(new FieldError(field, "trait names must match " + NAME.pattern()));
        continue;
      }
      String problem = valueProblem(trait.getValue());
      if (problem != null) {
        errors.add(new FieldError(field + "." + name, problem));
      }
    }
    return errors;
  }

  /**
   * The traits with numbers made plain ({@code Long} or {@code Double}); call after {@link #check}.
   */
  public static Map<String, Object> normalise(Map<String, ?> traits) {
    Map<String, Object> clean = new LinkedHashMap<>();
    traits.forEach((k, v) -> clean.put(k, normaliseValue(v)));
    return clean;
  }

  private static String valueProblem(Object value) {
    if (value instanceof String s) {
      if (s.length() > MAX_STRING) {
        return "at most " + MAX_STRING + " characters";
      }
      if (CleanText.hasControl(s) || CleanText.hasLoneSurrogate(s)) {
        return "must be plain text: no control characters or broken Unicode";
      }
      return null;
    }
    if (value instanceof Boolean) {
      return null;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? null : "must be a finite number";
    }
    return "must be a string, number or boolean";
  }

  private static Object normaliseValue(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }
}
