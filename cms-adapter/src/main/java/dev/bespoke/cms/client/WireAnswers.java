package dev.bespoke.cms.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the delivery API's answers. Anything that does not have the documented shape is an {@link
 * UnusableAnswer}, so the page shows its defaults instead of half-read content.
 */
final class WireAnswers {

  /** An answer that cannot be used: the caller falls back to the page's defaults. */
  static final class UnusableAnswer extends Exception {
    UnusableAnswer(String message) {
      super(message, null, false, false);
    }
  }

  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private final ObjectMapper json;

  WireAnswers(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The decisions in the order of {@code slots}. A slot the answer leaves out, or for which Bespoke
   * chose nothing, gets the page's default.
   */
  Decisions decisions(String body, List<SlotDefault> slots, List<String> setCookies)
      throws UnusableAnswer {
    JsonNode root = parse(body);
    JsonNode list = root.path("decisions");
    if (!list.isArray()) {
      throw new UnusableAnswer("no decisions array in the answer");
    }
    Map<String, JsonNode> bySlot = new HashMap<>();
    for (JsonNode decision : list) {
      if (!decision.path("slot").isTextual()) {
        throw new UnusableAnswer("a decision without a slot");
      }
      bySlot.putIfAbsent(decision.get("slot").asText(), decision);
    }
    List<Decision> decisions = new ArrayList<>();
    for (SlotDefault slot : slots) {
      JsonNode decision = bySlot.get(slot.slot());
      decisions.add(
          decision == null
              ? Decision.pageDefault(slot, "page default: the answer has no decision for it")
              : decision(decision, slot));
    }
    return new Decisions(text(root, "visitorId"), decisions, setCookies, false, null);
  }

  private Decision decision(JsonNode node, SlotDefault slot) throws UnusableAnswer {
    JsonNode variant = node.path("variant");
    JsonNode experiment = node.path("experiment");
    List<String> segments = new ArrayList<>();
    node.path("segments").forEach(s -> segments.add(s.asText()));
    boolean chosen = variant.isObject();
    return new Decision(
        slot.slot(),
        text(node, "decisionId"),
        chosen ? variant(variant) : slot.fallback(),
        segments,
        chosen ? text(node, "reason") : "page default: Bespoke chose no variant",
        experiment.isObject()
            ? new Decision.Experiment(text(experiment, "key"), text(experiment, "arm"))
            : null,
        node.path("fallback").asBoolean(false));
  }

  private Variant variant(JsonNode node) throws UnusableAnswer {
    JsonNode fields = node.path("fields");
    if (!fields.isMissingNode() && !fields.isNull() && !fields.isObject()) {
      throw new UnusableAnswer("variant fields are not an object");
    }
    Map<String, Object> values = fields.isObject() ? json.convertValue(fields, FIELDS) : Map.of();
    return new Variant(text(node, "key"), values, text(node, "html"));
  }

  private JsonNode parse(String body) throws UnusableAnswer {
    try {
      JsonNode root = json.readTree(body == null ? "" : body);
      if (root == null || !root.isObject()) {
        throw new UnusableAnswer("the answer is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new UnusableAnswer("the answer is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The {@code accepted} count of an events answer, or {@code null} when it has none. */
  Integer accepted(String body) {
    try {
      JsonNode root = json.readTree(body == null ? "" : body);
      return root != null && root.path("accepted").isInt() ? root.get("accepted").asInt() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The JSON problem's {@code detail}, when the body is one; for fallback reasons. */
  String problemDetail(String body) {
    try {
      JsonNode root = json.readTree(body == null ? "" : body);
      return root != null && root.path("detail").isTextual() ? root.get("detail").asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
