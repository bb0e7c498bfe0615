package dev.bespoke.server.context;

import dev.bespoke.server.context.support.CleanText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the body's {@code traits} into {@code request.<trait>} attributes: strings, numbers and
 * booleans under plain names, at most 50 of them, strings at most 200 characters. Anything else
 * (objects, arrays, long or control-character strings, odd names) is skipped, not an error: the
 * delivery API ignores what it does not understand.
 */
final class RequestTraits {

  static final int MAX_TRAITS = 50;
  static final int MAX_VALUE_LENGTH = 200;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private RequestTraits() {}

  static void addTo(Map<String, Object> traits, Map<String, Object> attributes) {
    int kept = 0;
    for (Map.Entry<String, Object> trait : traits.entrySet()) {
      if (kept >= MAX_TRAITS) {
        return;
      }
      if (trait.getKey() == null || !NAME.matcher(trait.getKey()).matches()) {
        continue;
      }
      Object value = plain(trait.getValue());
      if (value != null) {
        attributes.put("request." + trait.getKey(), value);
        kept++;
      }
    }
  }

  private static Object plain(Object value) {
    if (value instanceof String s) {
      return s.length() <= MAX_VALUE_LENGTH && !CleanText.hasControl(s) ? s : null;
    }
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    if (value instanceof Number n) {
      return Double.isFinite(n.doubleValue()) ? n : null;
    }
    return null;
  }
}
