package dev.bespoke.store.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * JSON for the store's text columns and version snapshots. A private mapper (not the server's) so
 * that stored text never depends on how the HTTP layer is configured; it reads only what this
 * module wrote, and ignores fields a later release adds to a snapshot.
 */
public final class StoreJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private StoreJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("store values always serialise", e);
    }
  }

  /** Null for null or blank text: an absent JSON value. */
  public static JsonNode readTree(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is always valid", e);
    }
  }

  public static List<String> readStrings(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(MAPPER.readValue(text, STRINGS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is always valid", e);
    }
  }

  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored snapshot no longer reads as " + type, e);
    }
  }
}
