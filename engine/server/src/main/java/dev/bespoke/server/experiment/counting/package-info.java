/**
 * Exact experiment counting: exposed and converting visitors per arm, once each, atomic per
 * experiment run (Redis scripts or one lock per run in process); the event sink that counts
 * impressions and conversions; and the flush of the daily series to the database.
 */
package dev.bespoke.server.experiment.counting;
