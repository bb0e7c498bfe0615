/**
 * The condition language: segment rules as typed data, never as code.
 *
 * <p>{@link dev.bespoke.core.condition.ConditionParser} reads rule JSON with fixed limits and turns
 * it into an immutable tree of records ({@link dev.bespoke.core.condition.All}, {@link
 * dev.bespoke.core.condition.Any}, {@link dev.bespoke.core.condition.Not}, {@link
 * dev.bespoke.core.condition.Predicate}), reporting every problem with its path. Attributes come
 * from the closed {@link dev.bespoke.core.condition.AttributeCatalog}; operators are the {@link
 * dev.bespoke.core.condition.Operator} strategies. {@link
 * dev.bespoke.core.condition.ConditionCompiler} turns a tree into a {@link
 * dev.bespoke.core.condition.CompiledCondition} that a decision evaluates against a {@link
 * dev.bespoke.core.context.VisitorContext}, and {@link dev.bespoke.core.condition.SegmentGraph}
 * keeps {@code inSegment} references free of cycles.
 *
 * <p>The design answers the failures of string-keyed, expression-evaluated rule engines (Apache
 * Unomi's OGNL/MVEL conditions, CVE-2020-11975 and CVE-2020-13942): there is no expression
 * evaluator, no reflection over attribute paths and no polymorphic JSON, and every input is bounded
 * before it can cost time or stack. docs/conditions.md is the reference for editors.
 */
package dev.bespoke.core.condition;
