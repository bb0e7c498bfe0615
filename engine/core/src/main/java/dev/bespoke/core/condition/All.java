package dev.bespoke.core.condition;

import java.util.List;
import java.util.Set;

/** Matches when every child matches. Never empty: the parser rejects {@code "all": []}. */
public record All(List<Condition> conditions) implements Condition {
  public All {
    conditions = List.copyOf(conditions);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("all needs at least one condition");
    }
    Shapes.requireWithinLimits(conditions);
  }

  @Override
  public String toString() {
    return "all(" + String.join(", ", conditions.stream().map(Object::toString).toList()) + ")";
  }

  @Override
  public Set<String> referencedSegments() {
    return Shapes.referencedSegments(conditions);
  }
}
