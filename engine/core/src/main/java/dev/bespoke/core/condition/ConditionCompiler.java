package dev.bespoke.core.condition;

import dev.bespoke.core.context.VisitorContext;
import java.time.Duration;
import java.util.List;

/**
 * Turns a {@link Condition} into a {@link CompiledCondition}: operands converted, sets and regular
 * expressions built, attribute readers chosen, once, so evaluation only compares values.
 *
 * <p>Conditions from {@link ConditionParser} are valid. A tree built by hand in code is checked for
 * the size limits again, since its records can be nested without bound and compiling is recursive.
 */
public final class ConditionCompiler {

  public ConditionCompiler() {}

  /**
   * @throws ConditionException if the condition exceeds the depth or node limits
   * @throws IllegalArgumentException if a hand-built predicate names an unknown attribute
   */
  public CompiledCondition compile(Condition condition) {
    int[] nodes = {0};
    return new CompiledCondition(condition, build(condition, 1, nodes));
  }

  private Eval build(Condition condition, int depth, int[] nodes) {
    if (depth > Limits.MAX_DEPTH || ++nodes[0] > Limits.MAX_NODES) {
      throw new ConditionException(
          new RuleError(
              RuleReader.ROOT,
              "a rule nests at most "
                  + Limits.MAX_DEPTH
                  + " deep and holds at most "
                  + Limits.MAX_NODES
                  + " conditions"));
    }
    if (condition instanceof All all) {
      Eval[] children = children(all.conditions(), depth, nodes);
      return children.length == 1 ? children[0] : ctx -> allOf(children, ctx);
    }
    if (condition instanceof Any any) {
      Eval[] children = children(any.conditions(), depth, nodes);
      return children.length == 1 ? children[0] : ctx -> anyOf(children, ctx);
    }
    if (condition instanceof Not not) {
      Eval child = build(not.condition(), depth + 1, nodes);
      return ctx -> !child.test(ctx);
    }
    return predicate((Predicate) condition);
  }

  private Eval[] children(List<Condition> conditions, int depth, int[] nodes) {
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("all and any need at least one condition");
    }
    Eval[] children = new Eval[conditions.size()];
    for (int i = 0; i < children.length; i++) {
      children[i] = build(conditions.get(i), depth + 1, nodes);
    }
    return children;
  }

  private static boolean allOf(Eval[] children, VisitorContext ctx) {
    for (Eval child : children) {
      if (!child.test(ctx)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyOf(Eval[] children, VisitorContext ctx) {
    for (Eval child : children) {
      if (child.test(ctx)) {
        return true;
      }
    }
    return false;
  }

  private static Eval predicate(Predicate p) {
    Operator op = p.operator();
    if (op == Operator.IN_SEGMENT) {
      String key = ((Value.Text) ((Operand.One) p.operand()).value()).value();
      return ctx -> ctx.inSegment(key);
    }
    String attr = p.attribute();
    AttributeSpec spec =
        AttributeCatalog.find(attr)
            .orElseThrow(() -> new IllegalArgumentException("unknown attribute " + attr));
    Reader reader = reader(attr, spec, p.within(), op);
    ValueTest test = op.bind(Operands.of(p.operand(), spec));
    boolean onMissing = op.matchesMissing();
    boolean onMismatch = op == Operator.EXISTS;
    return ctx -> {
      Object value = reader.read(ctx);
      if (value == null) {
        return onMissing;
      }
      if (value == Actuals.MISMATCH) {
        return onMismatch;
      }
      return test.test(value);
    };
  }

  /** Reads an attribute's value, converted; {@code null} when missing. */
  @FunctionalInterface
  private interface Reader {
    Object read(VisitorContext ctx);
  }

  private static Reader reader(String attr, AttributeSpec spec, Duration within, Operator op) {
    // Counters are never missing (0 is a count), except that exists asks "more than 0".
    boolean presenceOnly = op == Operator.EXISTS || op == Operator.NOT_EXISTS;
    if (attr.startsWith("behavior.")) {
      String key = attr.substring("behavior.".length());
      return ctx -> {
        long count = ctx.behaviorCount(key, within);
        return presenceOnly && count == 0 ? null : (double) count;
      };
    }
    if (attr.startsWith("score.")) {
      String key = attr.substring("score.".length());
      return ctx -> {
        double score = ctx.score(key);
        return presenceOnly && score == 0.0 ? null : Actuals.number(score);
      };
    }
    return ctx -> {
      Object raw = ctx.attribute(attr).orElse(null);
      return raw == null ? null : Actuals.normalize(raw, spec, attr);
    };
  }
}
