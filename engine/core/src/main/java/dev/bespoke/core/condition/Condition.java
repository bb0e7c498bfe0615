package dev.bespoke.core.condition;

import java.util.Set;

/**
 * A parsed, validated and immutable segment rule. Build one with {@link ConditionParser}; evaluate
 * it after {@link ConditionCompiler#compile(Condition)}.
 */
public sealed interface Condition permits All, Any, Not, Predicate {

  /** Keys named by {@code inSegment} anywhere inside, so a save can check for cycles. */
  Set<String> referencedSegments();
}
