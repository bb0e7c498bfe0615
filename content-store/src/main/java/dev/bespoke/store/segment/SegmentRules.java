package dev.bespoke.store.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionException;
import dev.bespoke.core.condition.ConditionParser;
import dev.bespoke.core.condition.RuleError;
import dev.bespoke.core.condition.SegmentGraph;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.FieldErrors;
import dev.bespoke.store.common.StoreJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses segment rules with the decision core, so what is saved is exactly what it compiles. */
final class SegmentRules {

  /** Rules are small by construction (at most 256 nodes); this bounds the stored text. */
  static final int MAX_RULE_CHARS = 262_144;

  private static final ConditionParser PARSER = new ConditionParser();

  private SegmentRules() {}

  /** The parsed rule, or empty with the problems added to {@code errors}. */
  static Optional<Condition> parse(JsonNode rule, FieldErrors errors) {
    if (rule == null || rule.isNull()) {
      errors.add("rule", "is required");
      return Optional.empty();
    }
    try {
      Condition condition = PARSER.parse(rule);
      if (StoreJson.write(rule).length() > MAX_RULE_CHARS) {
        errors.add("rule", "must be at most " + MAX_RULE_CHARS + " characters as JSON");
        return Optional.empty();
      }
      return Optional.of(condition);
    } catch (ConditionException e) {
      errors.addAll(toFieldErrors(e.errors()));
      return Optional.empty();
    }
  }

  /** A stored rule; one that no longer parses (after an upgrade) takes part as missing. */
  static Optional<Condition> parseStored(String json) {
    try {
      return Optional.of(PARSER.parse(json));
    } catch (ConditionException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks the {@code inSegment} references of the saved segment against the space's other segments
   * that are not archived: unknown targets, cycles, overlong chains.
   */
  static void checkReferences(
      String key, Condition condition, List<SegmentEntity> others, FieldErrors errors) {
    Map<String, Condition> all = new HashMap<>();
    for (SegmentEntity other : others) {
      parseStored(other.rule).ifPresent(c -> all.put(other.key, c));
    }
    all.put(key, condition);
    errors.addAll(toFieldErrors(SegmentGraph.checkSegment(key, all)));
  }

  private static List<FieldError> toFieldErrors(List<RuleError> errors) {
    return errors.stream().map(e -> new FieldError(e.path(), e.message())).toList();
  }
}
