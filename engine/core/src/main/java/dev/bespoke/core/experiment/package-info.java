/**
 * Experiments as plain data, and which arm a visitor falls into.
 *
 * <p>An {@link dev.bespoke.core.experiment.ExperimentSpec} is the published definition of one
 * holdout or A/B test; {@link dev.bespoke.core.experiment.Bucketing} turns a unit id (the visitor
 * id) into an {@link dev.bespoke.core.experiment.Assignment} with a documented, versioned hash that
 * web and mobile clients can reproduce byte for byte ({@code docs/bucketing.md}). Storing the
 * assignment at first exposure, counting and reporting live elsewhere: the statistics over the
 * counts are in {@code dev.bespoke.core.stats}.
 */
package dev.bespoke.core.experiment;
