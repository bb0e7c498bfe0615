package dev.bespoke.core.condition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses rule JSON into a validated, immutable {@link Condition}. Thread-safe and cheap to share.
 *
 * <p>Prefer {@link #parse(String)}: it reads with Bespoke's own limits (nesting, duplicate keys).
 * {@link #parse(JsonNode)} suits a tree the server already holds; it checks the same rule limits,
 * but a duplicate key that the caller's mapper already collapsed can no longer be seen.
 */
public final class ConditionParser {

  public ConditionParser() {}

  /**
   * Parses strict JSON.
   *
   * @throws ConditionException listing every problem, each with its path such as {@code
   *     rule.all[2].op}
   */
  public Condition parse(String json) throws ConditionException {
    return RuleReader.read(JsonRuleReader.read(json));
  }

  /**
   * Parses a tree someone else read.
   *
   * @throws ConditionException listing every problem, each with its path
   */
  public Condition parse(JsonNode node) throws ConditionException {
    if (node == null || node.isMissingNode()) {
      throw new ConditionException(new RuleError(RuleReader.ROOT, "a rule is required"));
    }
    return RuleReader.read(node);
  }
}
