/**
 * An experiment's results as the admin API answers them: the core's statistics over the live
 * counters (running) or the counts frozen at stop, with the daily series.
 */
package dev.bespoke.server.experiment.results;
