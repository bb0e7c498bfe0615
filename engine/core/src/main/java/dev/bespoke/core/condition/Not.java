package dev.bespoke.core.condition;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Matches when its child does not. */
public record Not(Condition condition) implements Condition {
  public Not {
    Objects.requireNonNull(condition, "condition");
    Shapes.requireWithinLimits(List.of(condition));
  }

  @Override
  public String toString() {
    return "not(" + condition + ")";
  }

  @Override
  public Set<String> referencedSegments() {
    return Shapes.referencedSegments(List.of(condition));
  }
}
