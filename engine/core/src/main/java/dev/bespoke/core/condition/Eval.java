package dev.bespoke.core.condition;

import dev.bespoke.core.context.VisitorContext;

/** A compiled node: the tree of these is what a decision walks. */
@FunctionalInterface
interface Eval {
  boolean test(VisitorContext ctx);
}
