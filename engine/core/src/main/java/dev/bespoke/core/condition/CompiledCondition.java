package dev.bespoke.core.condition;

import dev.bespoke.core.context.VisitorContext;
import java.util.Objects;

/**
 * A condition ready to evaluate many times. Immutable and thread-safe.
 *
 * <p>Semantics, in one place: a predicate on a missing attribute is false, whatever the operator,
 * except {@code notExists}, which is true. That includes {@code neq} and {@code notIn}: "country is
 * not NL" does not match a visitor whose country is unknown, because targeting someone on the
 * strength of data we do not have is the wrong way to fail. A value of the wrong type (a string
 * where a number belongs) counts as present for {@code exists} and matches nothing else. Behaviour
 * counters and scores are never missing: a visitor who never did something has done it 0 times, and
 * for them {@code exists} means "more than 0".
 */
public final class CompiledCondition {
  private final Condition source;
  private final Eval root;

  CompiledCondition(Condition source, Eval root) {
    this.source = Objects.requireNonNull(source, "source");
    this.root = Objects.requireNonNull(root, "root");
  }

  /** Whether the visitor matches. Never throws for any context the builder can make. */
  public boolean test(VisitorContext ctx) {
    return root.test(ctx);
  }

  /** The condition this was compiled from. */
  public Condition condition() {
    return source;
  }
}
