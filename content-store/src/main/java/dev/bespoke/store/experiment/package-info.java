/**
 * Experiments on a slot: a holdout (the slot's default against the personalised decision) or an A/B
 * test between variants. Stored, edited, started and stopped here (each an audited change); the
 * counts frozen at stop and the daily series of counts are kept here too. Counting and results live
 * in the engine's server.
 */
package dev.bespoke.store.experiment;
