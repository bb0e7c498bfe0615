package dev.bespoke.core.condition;

import java.util.List;
import java.util.Set;

/** Matches when at least one child matches. Never empty: the parser rejects {@code "any": []}. */
public record Any(List<Condition> conditions) implements Condition {
  public Any {
    conditions = List.copyOf(conditions);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("any needs at least one condition");
    }
    Shapes.requireWithinLimits(conditions);
  }

  @Override
  public String toString() {
    return "any(" + String.join(", ", conditions.stream().map(Object::toString).toList()) + ")";
  }

  @Override
  public Set<String> referencedSegments() {
    return Shapes.referencedSegments(conditions);
  }
}
