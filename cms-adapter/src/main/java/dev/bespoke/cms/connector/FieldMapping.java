package dev.bespoke.cms.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bespoke.store.common.Keys;
import dev.bespoke.store.common.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which fields of a CMS entry (Contentful, Strapi) carry the slot, key, name, segments, channels,
 * priority and HTML of a variant, and which become its {@code fields}. Every property is optional;
 * the defaults suit an entry type designed for Bespoke (fields named {@code slot}, {@code
 * segments}, …), and {@code slotByType} maps existing content types without changing them.
 *
 * @param slotField entry field whose value is the slot key
 * @param slotByType content type (Contentful) or model (Strapi) → slot key, when the entry names no
 *     slot itself
 * @param keyField entry field with the variant key; absent, the key is derived from the entry id
 * @param nameField entry field with the variant's name
 * @param segmentsField entry field with segment keys (a list, or one comma-separated string)
 * @param channelsField entry field with channels (as segments)
 * @param priorityField entry field with the priority (a number)
 * @param htmlField entry field with ready HTML (sanitised at delivery like any variant's)
 * @param fields the entry fields copied into the variant's fields; empty: every field not used
 *     above
 * @param rename entry field → variant field name, for copied fields ({@code description → body})
 * @param defaultLocale Contentful's default locale: where a field is not localised it has only this
 *     one
 * @param locales Contentful locales that become locale variants; empty: every locale the entry has
 */
public record FieldMapping(
    String slotField,
    Map<String, String> slotByType,
    String keyField,
    String nameField,
    String segmentsField,
    String channelsField,
    String priorityField,
    String htmlField,
    List<String> fields,
    Map<String, String> rename,
    String defaultLocale,
    List<String> locales) {

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @JsonCreator
  public FieldMapping(
      @JsonProperty("slotField") String slotField,
      @JsonProperty("slotByType") Map<String, String> slotByType,
      @JsonProperty("keyField") String keyField,
      @JsonProperty("nameField") String nameField,
      @JsonProperty("segmentsField") String segmentsField,
      @JsonProperty("channelsField") String channelsField,
      @JsonProperty("priorityField") String priorityField,
      @JsonProperty("htmlField") String htmlField,
      @JsonProperty("fields") List<String> fields,
      @JsonProperty("rename") Map<String, String> rename,
      @JsonProperty("defaultLocale") String defaultLocale,
      @JsonProperty("locales") List<String> locales) {
    this.slotField = orDefault(slotField, "slot");
    this.slotByType = slotByType == null ? Map.of() : Map.copyOf(slotByType);
    this.keyField = keyField;
    this.nameField = orDefault(nameField, "title");
    this.segmentsField = orDefault(segmentsField, "segments");
    this.channelsField = orDefault(channelsField, "channels");
    this.priorityField = orDefault(priorityField, "priority");
    this.htmlField = orDefault(htmlField, "html");
    this.fields = fields == null ? List.of() : List.copyOf(fields);
    this.rename = rename == null ? Map.of() : Map.copyOf(rename);
    this.defaultLocale = orDefault(defaultLocale, "en-US");
    this.locales = locales == null ? List.of() : List.copyOf(locales);
  }

  /** The mapping stored for a space; absent or null: all defaults. */
  public static FieldMapping read(JsonNode mapping) {
    if (mapping == null || mapping.isNull() || mapping.isMissingNode()) {
      return STRICT.convertValue(JsonNodeFactory.instance.objectNode(), FieldMapping.class);
    }
    if (!mapping.isObject()) {
      throw ValidationException.of("mapping", "must be an object");
    }
    try {
      FieldMapping read = STRICT.convertValue(mapping, FieldMapping.class);
      read.check();
      return read;
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("mapping", describe(e));
    }
  }

  private void check() {
    slotByType.forEach(
        (type, slot) -> {
          if (!Keys.isValid(slot)) {
            throw ValidationException.of("mapping.slotByType." + type, Keys.RULE);
          }
        });
  }

  /** The entry fields that say how to deliver the variant rather than what it shows. */
  private Set<String> controlFields() {
    Set<String> control = new LinkedHashSet<>();
    control.add(slotField);
    if (keyField != null) {
      control.add(keyField);
    }
    control.add(segmentsField);
    control.add(channelsField);
    control.add(priorityField);
    control.add(htmlField);
    return control;
  }

  /**
   * Maps one entry (for one locale) to a variant, collecting problems in {@code payload}.
   *
   * @param type the content type or model; may be null (then the entry must name its slot)
   * @param names the entry's field names
   * @param value a field's value for this locale, or null where it has none
   * @param pointer a field's JSON Pointer in the body, for error messages
   */
  public Optional<MappedVariant> map(
      Payloads payload,
      String type,
      List<String> names,
      Function<String, JsonNode> value,
      Function<String, String> pointer,
      String derivedKey,
      String fallbackName,
      List<String> locales) {
    String slot = text(value.apply(slotField));
    if (slot == null && type != null) {
      slot = slotByType.get(type);
    }
    if (slot == null) {
      payload.error(
          pointer.apply(slotField),
          "names no slot: give the entry a "
              + slotField
              + " field, or map "
              + (type == null ? "its type" : "type " + type)
              + " to a slot in the connector's slotByType");
    } else if (!Keys.isValid(slot)) {
      payload.error(pointer.apply(slotField), "slot " + Keys.RULE);
    }
    String key = keyField == null ? derivedKey : text(value.apply(keyField));
    if (key == null || !Keys.isValid(key)) {
      payload.error(pointer.apply(keyField == null ? "id" : keyField), "variant key " + Keys.RULE);
    }
    Integer priority = null;
    JsonNode p = value.apply(priorityField);
    if (p != null && !p.isNull()) {
      if (p.canConvertToInt() && p.isIntegralNumber()) {
        priority = p.asInt();
      } else if (p.isTextual() && p.asText().matches("-?\\d{1,7}")) {
        priority = Integer.parseInt(p.asText());
      } else {
        payload.error(pointer.apply(priorityField), "must be a whole number");
      }
    }
    String name = text(value.apply(nameField));
    if (name == null) {
      name = fallbackName;
    }
    if (name.length() > 200) {
      name = name.substring(0, 200);
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    Set<String> control = controlFields();
    for (String field : this.fields.isEmpty() ? names : this.fields) {
      if (control.contains(field)) {
        continue;
      }
      JsonNode v = value.apply(field);
      if (v != null && !v.isNull()) {
        fields.set(rename.getOrDefault(field, field), v);
      }
    }
    if (!payload.ok()) {
      return Optional.empty();
    }
    return Optional.of(
        new MappedVariant(
            slot,
            key,
            name,
            fields,
            text(value.apply(htmlField)),
            list(value.apply(segmentsField)),
            list(value.apply(channelsField)),
            locales,
            priority));
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank()
        ? node.asText().strip()
        : null;
  }

  /** A list of strings from an array or a comma-separated string; null when absent. */
  private static List<String> list(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText().strip()));
    } else {
      for (String part : node.asText().split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String describe(IllegalArgumentException e) {
    String message = e.getMessage() == null ? "invalid" : e.getMessage();
    int cut = message.indexOf(" (class ");
    message = cut > 0 ? message.substring(0, cut) : message;
    int at = message.indexOf("\n at ");
    return (at > 0 ? message.substring(0, at) : message).replaceAll("`[^`]*`", "").strip();
  }
}
