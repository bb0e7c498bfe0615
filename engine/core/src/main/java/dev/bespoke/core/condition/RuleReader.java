package dev.bespoke.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a JSON tree into a {@link Condition}, collecting every problem with its path. Recursion is
 * safe because depth is checked before each descent: at most {@link Limits#MAX_DEPTH} frames, even
 * for a tree someone else built with no depth limit at all.
 */
final class RuleReader {
  static final String ROOT = "rule";

  /** Enough to fix a rule in one go; more would only let a bad rule make a huge error body. */
  static final int MAX_ERRORS = 100;

  private static final Set<String> GROUPS = Set.of("all", "any", "not");
  private static final Set<String> PREDICATE_FIELDS = Set.of("attr", "op", "value", "within");

  private final List<RuleError> errors = new ArrayList<>();
  private final PredicateReader predicates = new PredicateReader(this);
  private int nodes;
  private boolean truncated;
  private boolean tooManyNodesReported;

  static Condition read(JsonNode root) {
    RuleReader reader = new RuleReader();
    Condition condition = reader.condition(root, ROOT, 1);
    if (!reader.errors.isEmpty()) {
      List<RuleError> all = new ArrayList<>(reader.errors);
      if (reader.truncated) {
        all.add(new RuleError(ROOT, "more than " + MAX_ERRORS + " problems; the rest not shown"));
      }
      throw new ConditionException(all);
    }
    if (condition == null) {
      throw new IllegalStateException("a rule without errors produced no condition");
    }
    return condition;
  }

  void error(String path, String message) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new RuleError(path, message));
    } else {
      truncated = true;
    }
  }

  private Condition condition(JsonNode node, String path, int depth) {
    if (depth > Limits.MAX_DEPTH) {
      error(path, "conditions nest at most " + Limits.MAX_DEPTH + " deep");
      return null;
    }
    if (++nodes > Limits.MAX_NODES) {
      tooManyNodes();
      return null;
    }
    if (node == null || !node.isObject()) {
      error(path, "a condition is a JSON object, got " + PredicateReader.describe(node));
      return null;
    }
    String group = firstGroupKey(node);
    if (group != null) {
      rejectOtherFields(node, path, group);
      return switch (group) {
        case "all" -> group(node.get("all"), path + ".all", depth, All::new);
        case "any" -> group(node.get("any"), path + ".any", depth, Any::new);
        default -> not(node.get("not"), path + ".not", depth);
      };
    }
    if (node.has("op") || node.has("attr") || node.has("value") || node.has("within")) {
      return predicates.read(node, path);
    }
    if (node.isEmpty()) {
      error(path, "empty condition: expected all, any, not or a predicate with op");
    } else {
      node.fieldNames().forEachRemaining(name -> unknownField(path, name));
    }
    return null;
  }

  private Condition group(
      JsonNode children, String path, int depth, Function<List<Condition>, Condition> make) {
    String name = path.substring(path.lastIndexOf('.') + 1);
    if (!children.isArray()) {
      error(
          path, name + " takes an array of conditions, got " + PredicateReader.describe(children));
      return null;
    }
    if (children.isEmpty()) {
      error(path, name + " needs at least one condition");
      return null;
    }
    List<Condition> parsed = new ArrayList<>(Math.min(children.size(), Limits.MAX_NODES));
    int index = 0;
    for (Iterator<JsonNode> it = children.elements(); it.hasNext(); index++) {
      if (nodes >= Limits.MAX_NODES) {
        // Stop before the next child: each is at least one more node, and a tree built by someone
        // else may hold millions of them.
        tooManyNodes();
        return null;
      }
      Condition child = condition(it.next(), path + "[" + index + "]", depth + 1);
      if (child != null) {
        parsed.add(child);
      }
    }
    return parsed.size() == children.size() ? make.apply(parsed) : null;
  }

  private void tooManyNodes() {
    if (!tooManyNodesReported) {
      tooManyNodesReported = true;
      error(ROOT, "a rule holds at most " + Limits.MAX_NODES + " conditions");
    }
  }

  private Condition not(JsonNode child, String path, int depth) {
    if (child.isArray()) {
      error(path, "not takes one condition object, not an array");
      return null;
    }
    Condition inner = condition(child, path, depth + 1);
    return inner == null ? null : new Not(inner);
  }

  private static String firstGroupKey(JsonNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String key = it.next().getKey();
      if (GROUPS.contains(key)) {
        return key;
      }
    }
    return null;
  }

  private void rejectOtherFields(JsonNode node, String path, String group) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (name.equals(group)) {
                return;
              }
              if (GROUPS.contains(name) || PREDICATE_FIELDS.contains(name)) {
                error(
                    path + "." + name,
                    "\"" + name + "\" cannot stand beside \"" + group + "\" in one condition");
              } else {
                unknownField(path, name);
              }
            });
  }

  void unknownField(String path, String name) {
    error(path + "." + Texts.quote(name), "unknown field \"" + Texts.quote(name) + "\"");
  }
}
