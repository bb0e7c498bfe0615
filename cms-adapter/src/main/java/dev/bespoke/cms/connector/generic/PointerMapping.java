package dev.bespoke.cms.connector.generic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the parts of a variant are in a generic body, as JSON Pointers (RFC 6901). Only {@code id}
 * and {@code revision} must be present in every body; the others fall back to their defaults or to
 * the slot's defaults. {@code publishValues}, {@code unpublishValues} and {@code deleteValues} say
 * which values of {@code action} mean what (absent {@code action}: publish).
 */
public record PointerMapping(
    String id,
    String revision,
    String action,
    String slot,
    String key,
    String name,
    String segments,
    String channels,
    String priority,
    String locale,
    String fields,
    String html,
    List<String> publishValues,
    List<String> unpublishValues,
    List<String> deleteValues) {

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @JsonCreator
  public PointerMapping(
      @JsonProperty("id") String id,
      @JsonProperty("revision") String revision,
      @JsonProperty("action") String action,
      @JsonProperty("slot") String slot,
      @JsonProperty("key") String key,
      @JsonProperty("name") String name,
      @JsonProperty("segments") String segments,
      @JsonProperty("channels") String channels,
      @JsonProperty("priority") String priority,
      @JsonProperty("locale") String locale,
      @JsonProperty("fields") String fields,
      @JsonProperty("html") String html,
      @JsonProperty("publishValues") List<String> publishValues,
      @JsonProperty("unpublishValues") List<String> unpublishValues,
      @JsonProperty("deleteValues") List<String> deleteValues) {
    this.id = or(id, "/entry/id");
    this.revision = or(revision, "/entry/revision");
    this.action = or(action, "/event");
    this.slot = or(slot, "/entry/slot");
    this.key = key;
    this.name = or(name, "/entry/name");
    this.segments = or(segments, "/entry/segments");
    this.channels = or(channels, "/entry/channels");
    this.priority = or(priority, "/entry/priority");
    this.locale = or(locale, "/entry/locale");
    this.fields = or(fields, "/entry/fields");
    this.html = or(html, "/entry/html");
    this.publishValues = list(publishValues, List.of("publish", "published", "create", "update"));
    this.unpublishValues = list(unpublishValues, List.of("unpublish", "unpublished"));
    this.deleteValues = list(deleteValues, List.of("delete", "deleted", "archive"));
  }

  public static PointerMapping read(JsonNode mapping) {
    JsonNode source =
        mapping == null || mapping.isNull() ? JsonNodeFactory.instance.objectNode() : mapping;
    if (!source.isObject()) {
      throw ValidationException.of("mapping", "must be an object");
    }
    PointerMapping read;
    try {
      read = STRICT.convertValue(source, PointerMapping.class);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid" : e.getMessage();
      int cut = message.indexOf(" (class ");
      throw ValidationException.of("mapping", cut > 0 ? message.substring(0, cut) : message);
    }
    read.check();
    return read;
  }

  /** Each pointer compiles, so a typo is a 400 on save rather than a silent miss later. */
  private void check() {
    List<FieldError> errors = new ArrayList<>();
    pointers()
        .forEach(
            (field, pointer) -> {
              if (pointer == null) {
                return;
              }
              try {
                JsonPointer.compile(pointer);
              } catch (IllegalArgumentException e) {
                errors.add(
                    new FieldError(
                        "mapping." + field, "must be a JSON Pointer such as /entry/" + field));
              }
            });
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private Map<String, String> pointers() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("id", id);
    all.put("revision", revision);
    all.put("action", action);
    all.put("slot", slot);
    all.put("key", key);
    all.put("name", name);
    all.put("segments", segments);
    all.put("channels", channels);
    all.put("priority", priority);
    all.put("locale", locale);
    all.put("fields", fields);
    all.put("html", html);
    return all;
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static List<String> list(List<String> value, List<String> fallback) {
    return value == null || value.isEmpty() ? fallback : List.copyOf(value);
  }
}
