package dev.bespoke.ui.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a variant's content, generated from the slot's JSON Schema: one input per string,
 * number or boolean property. A slot without a schema gets the common fields the built-in fragment
 * template renders. Anything else is edited as JSON.
 */
final class FieldsForm {

  /** One generated input. */
  record Input(String name, String label, String type, boolean required, boolean longText) {}

  private static final List<Input> COMMON =
      List.of(
          new Input("title", "Title", "string", false, false),
          new Input("body", "Body text", "string", false, true),
          new Input("image", "Image URL", "string", false, false),
          new Input("ctaText", "Button text", "string", false, false),
          new Input("ctaUrl", "Button link", "string", false, false));

  private FieldsForm() {}

  static List<Input> inputs(JsonNode schema) {
    if (schema == null || !schema.path("properties").isObject()) {
      return COMMON;
    }
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<Input> inputs = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      String type = p.getValue().path("type").asText("string");
      if (type.equals("string")
          || type.equals("number")
          || type.equals("integer")
          || type.equals("boolean")) {
        String label = p.getValue().path("title").asText(p.getKey());
        boolean longText = p.getValue().path("maxLength").asInt(0) > 200;
        inputs.add(new Input(p.getKey(), label, type, required.contains(p.getKey()), longText));
      }
    }
    return inputs;
  }

  /** The form's values back as the variant's fields, typed as the schema says. */
  static ObjectNode fields(List<Input> inputs, Map<String, String> values, JsonNode extra) {
    ObjectNode fields =
        extra != null && extra.isObject()
            ? ((ObjectNode) extra).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Input input : inputs) {
      String v = values.get("field." + input.name());
      if (v == null || v.isBlank()) {
        fields.remove(input.name());
        continue;
      }
      switch (input.type()) {
        case "number", "integer" -> {
          try {
            fields.put(input.name(), new java.math.BigDecimal(v.strip()));
          } catch (NumberFormatException e) {
            fields.put(input.name(), v);
          }
        }
        case "boolean" -> fields.put(input.name(), Boolean.parseBoolean(v));
        default -> fields.put(input.name(), v);
      }
    }
    return fields;
  }

  /** The fields that have no generated input, shown in the JSON editor. */
  static ObjectNode rest(List<Input> inputs, JsonNode fields) {
    ObjectNode rest = JsonNodeFactory.instance.objectNode();
    if (fields != null && fields.isObject()) {
      fields
          .fields()
          .forEachRemaining(
              e -> {
                if (inputs.stream().noneMatch(i -> i.name().equals(e.getKey()))) {
                  rest.set(e.getKey(), e.getValue());
                }
              });
    }
    return rest;
  }
}
