package dev.bespoke.store.slot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.FieldErrors;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a slot's content fields are URLs that end up in a link or an image source, so their
 * values are held to {@link dev.bespoke.store.common.LinkUrls} when content is saved rather than
 * only when it is shown.
 */
public final class LinkFields {

  /**
   * The fields the built-in renderers write into {@code href} or {@code src} (the server's
   * fragment, the browser script): links in every slot, whether or not its schema says so.
   */
  static final Set<String> BUILT_IN = Set.of("ctaUrl", "image");

  /** The JSON Schema formats that declare a string a URL. */
  static final Set<String> URL_FORMATS = Set.of("uri", "uri-reference", "iri", "iri-reference");

  /** The keywords of a schema property that hold a fixed or an example value, in report order. */
  private static final List<String> SINGLE_VALUES = List.of("default", "const");

  private static final List<String> LISTED_VALUES = List.of("enum", "examples");

  private LinkFields() {}

  /** The built-in link fields and every top-level schema property with a URL format. */
  public static Set<String> of(JsonNode schema) {
    Set<String> names = new TreeSet<>(BUILT_IN);
    properties(schema)
        .forEachRemaining(
            p -> {
              if (isUrl(p.getValue())) {
                names.add(p.getKey());
              }
            });
    return names;
  }

  /** Checks each link field of {@code fields}; errors are named {@code fields.<name>}. */
  public static void check(JsonNode schema, JsonNode fields, FieldErrors errors) {
    if (fields == null || !fields.isObject()) {
      return;
    }
    for (String name : of(schema)) {
      JsonNode value = fields.get(name);
      if (value != null && value.isTextual()) {
        errors.link("fields." + name, value.asText());
      }
    }
  }

  /**
   * Checks the values a schema itself gives its URL properties ({@code default}, {@code const},
   * {@code enum}, {@code examples}): an editor's form starts from them.
   */
  static void checkSchema(JsonNode schema, FieldErrors errors) {
    properties(schema)
        .forEachRemaining(
            p -> {
              if (!isUrl(p.getValue())) {
                return;
              }
              String at = "fieldsSchema.properties." + p.getKey() + ".";
              for (String keyword : SINGLE_VALUES) {
                JsonNode value = p.getValue().get(keyword);
                if (value != null && value.isTextual()) {
                  errors.link(at + keyword, value.asText());
                }
              }
              for (String keyword : LISTED_VALUES) {
                JsonNode values = p.getValue().path(keyword);
                for (int i = 0; i < values.size(); i++) {
                  if (values.get(i).isTextual()) {
                    errors.link(at + keyword + "[" + i + "]", values.get(i).asText());
                  }
                }
              }
            });
  }

  private static boolean isUrl(JsonNode property) {
    return property.isObject() && URL_FORMATS.contains(property.path("format").asText());
  }

  private static Iterator<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
    return schema != null && schema.path("properties").isObject()
        ? schema.path("properties").fields()
        : Collections.emptyIterator();
  }
}
