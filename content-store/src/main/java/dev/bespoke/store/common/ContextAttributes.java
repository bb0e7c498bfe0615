package dev.bespoke.store.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The one rule for a described visitor's attributes (a persona's context, a preview's or a
 * simulation's attributes): each value is a string, a finite number or a boolean, because that is
 * all a request signal or a trait can be. A {@code null}, a list or an object could never match a
 * rule, so it is refused where it is written instead of failing every preview that reads it.
 */
public final class ContextAttributes {

  static final String RULE = "must be a string, a number or true/false";

  private ContextAttributes() {}

  /** Adds an error naming {@code <field>.<attribute>} for every value the rule refuses. */
  public static void check(JsonNode attributes, String field, FieldErrors errors) {
    if (attributes == null || attributes.isNull() || !attributes.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> attribute = fields.next();
      JsonNode value = attribute.getValue();
      boolean scalar =
          value.isTextual() || value.isBoolean() || (value.isNumber() && isFinite(value));
      if (!scalar) {
        errors.add(field + "." + attribute.getKey(), RULE);
      }
    }
  }

  /** The same rule for attributes already read into Java values. */
  public static void check(Map<String, ?> attributes, String field, FieldErrors errors) {
    if (attributes == null) {
      return;
    }
    attributes.forEach(
        (name, value) -> {
          if (!isScalar(value)) {
            errors.add(field + "." + name, RULE);
          }
        });
  }

  private static boolean isScalar(Object value) {
    if (value instanceof Number n) {
      return Double.isFinite(n.doubleValue());
    }
    return value instanceof String || value instanceof Boolean;
  }

  private static boolean isFinite(JsonNode number) {
    return Double.isFinite(number.asDouble());
  }
}
