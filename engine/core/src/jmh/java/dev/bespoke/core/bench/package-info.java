/**
 * JMH micro-benchmarks of the decision core: condition evaluation per operator, a slot and a page
 * decision, bucketing and the experiment statistics. Built and run only with the {@code jmh} Maven
 * profile (see {@code docs/benchmarks.md}); never part of the test suite.
 */
package dev.bespoke.core.bench;
