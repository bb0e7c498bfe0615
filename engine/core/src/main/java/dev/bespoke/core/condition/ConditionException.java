package dev.bespoke.core.condition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule (or a set of segment rules) was rejected. It carries every problem found rather than the
 * first, so an editor can fix a rule in one round trip.
 */
public final class ConditionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<RuleError> errors;

  public ConditionException(List<RuleError> errors) {
    super(summary(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConditionException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public ConditionException(RuleError error) {
    this(List.of(error));
  }

  /** Every problem found, in document order. Never empty. */
  public List<RuleError> errors() {
    return errors;
  }

  private static String summary(List<RuleError> errors) {
    return errors.stream().limit(5).map(RuleError::toString).collect(Collectors.joining("; "))
        + (errors.size() > 5 ? "; and " + (errors.size() - 5) + " more" : "");
  }
}
