package dev.bespoke.cms.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Content for a slot: Bespoke's chosen variant, or the page's own default.
 *
 * @param key the variant key; {@code null} for a page's own default
 * @param fields the variant's fields (title, body, image, …); never null
 * @param html sanitised HTML when the variant has it, else {@code null}
 */
public record Variant(String key, Map<String, Object> fields, String html) {

  public Variant {
    fields =
        fields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // keeps null values
  }

  /** A page default given as fields, for templates that render fields. */
  public static Variant ofFields(Map<String, Object> fields) {
    return new Variant(null, fields, null);
  }

  /** A page default given as HTML. */
  public static Variant ofHtml(String html) {
    return new Variant(null, Map.of(), html);
  }

  /** A field as text, or {@code ""} when absent: convenient in templates. */
  public String text(String field) {
    Object value = fields.get(field);
    return value == null ? "" : value.toString();
  }
}
