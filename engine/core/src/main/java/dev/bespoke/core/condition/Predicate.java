package dev.bespoke.core.condition;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One test of one attribute, for example {@code geo.country in ["NL","BE"]}.
 *
 * @param attribute the attribute path, or {@code null} for {@code inSegment}, which names a segment
 *     instead
 * @param operator the operator
 * @param operand the value(s), already checked against the operator and the attribute's type
 * @param within for {@code behavior.*} only: count just the events in this many whole days up to
 *     now; {@code null} means all recorded events
 */
public record Predicate(String attribute, Operator operator, Operand operand, Duration within)
    implements Condition {

  public Predicate {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operand, "operand");
    if ((attribute == null) != (operator == Operator.IN_SEGMENT)) {
      throw new IllegalArgumentException("inSegment, and only inSegment, has no attribute");
    }
    boolean fits =
        switch (operator.arity()) {
          case NONE -> operand instanceof Operand.None;
          case ONE -> operand instanceof Operand.One;
          case LIST -> operand instanceof Operand.Many many && !many.values().isEmpty();
          case RANGE -> operand instanceof Operand.Range;
        };
    if (!fits) {
      throw new IllegalArgumentException(operator + " does not take " + operand);
    }
    if (operator == Operator.IN_SEGMENT
        && !(((Operand.One) operand).value() instanceof Value.Text)) {
      throw new IllegalArgumentException("inSegment takes a segment key");
    }
    if (within != null && !attribute.startsWith("behavior.")) {
      throw new IllegalArgumentException("within applies only to behavior.* attributes");
    }
  }

  /** Reads like the rule, e.g. {@code geo.country in [NL, BE]}, for decision explanations. */
  @Override
  public String toString() {
    String value =
        switch (operator.arity()) {
          case NONE -> "";
          case ONE -> " " + ((Operand.One) operand).value();
          case LIST -> " " + ((Operand.Many) operand).values();
          case RANGE ->
              " ["
                  + ((Operand.Range) operand).low()
                  + ", "
                  + ((Operand.Range) operand).high()
                  + "]";
        };
    String subject = attribute == null ? "" : attribute + " ";
    return subject
        + operator.wireName()
        + value
        + (within == null ? "" : " within P" + within.toDays() + "D");
  }

  @Override
  public Set<String> referencedSegments() {
    if (operator == Operator.IN_SEGMENT && operand instanceof Operand.One one) {
      return Set.of(((Value.Text) one.value()).value());
    }
    return Set.of();
  }
}
