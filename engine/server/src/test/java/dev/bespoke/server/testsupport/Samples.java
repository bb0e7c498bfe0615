package dev.bespoke.server.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies as mutable maps: valid by default, so a test changes exactly the one field it is
 * about.
 */
public final class Samples {

  private Samples() {}

  public static Map<String, Object> space(String key) {
    return map("key", key, "name", "Test space " + key);
  }

  public static Map<String, Object> slot(String key) {
    return map("key", key, "name", "Slot " + key, "channels", List.of("web", "mobile"));
  }

  public static Map<String, Object> variant(String key) {
    return map("key", key, "name", "Variant " + key, "fields", Map.of("title", "Hello " + key));
  }

  public static Map<String, Object> segment(String key) {
    return map(
        "key",
        key,
        "name",
        "Segment " + key,
        "rule",
        Map.of("attr", "geo.country", "op", "in", "value", List.of("NL", "BE")));
  }

  public static Map<String, Object> experiment(String key, String slot) {
    return map("key", key, "slot", slot, "type", "holdout", "goal", "purchase");
  }

  public static Map<String, Object> persona(String key) {
    return map("key", key, "name", "Persona " + key, "context", Map.of("geo.country", "NL"));
  }

  /** A map from alternating keys and values, keeping their order. */
  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A copy with one field changed ({@code null} removes it). */
  public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    if (value == null) {
      copy.remove(field);
    } else {
      copy.put(field, value);
    }
    return copy;
  }
}
