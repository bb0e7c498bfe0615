/**
 * Running experiments on the server: assigning visitors on the delivery path ({@code assign}),
 * counting exposures and conversions exactly ({@code counting}), reading results ({@code results})
 * and starting, stopping and promoting ({@code lifecycle}). The bucketing and the statistics are
 * the core's ({@code dev.bespoke.core.experiment}, {@code dev.bespoke.core.stats}); this package
 * only feeds them. Behaviour is described in {@code docs/experiments-running.md}.
 */
package dev.bespoke.server.experiment;
