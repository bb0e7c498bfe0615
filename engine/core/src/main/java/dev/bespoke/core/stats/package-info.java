/**
 * Experiment statistics as pure functions over counts, and the Thompson-sampling bandit.
 *
 * <p>Every function here takes visitor and conversion counts and returns numbers; none reads a
 * clock, a store or a global random source. Each class's Javadoc states its formula, and {@code
 * docs/experiments-statistics.md} states them all for the people who read the results. {@link
 * dev.bespoke.core.stats.ResultsCalculator} combines them into the {@link
 * dev.bespoke.core.stats.ExperimentResults} the results endpoint shows, with a verdict that only
 * the always-valid sequential test can turn into a win or a loss, so reading results early and
 * often stays honest.
 */
package dev.bespoke.core.stats;
