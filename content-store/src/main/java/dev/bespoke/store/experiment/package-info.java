/**
 * Experiments on a slot: a holdout (the slot's default against the personalised decision) or an A/B
 * test between variants. Stored and edited here; starting, stopping and results come later.
 */
package dev.bespoke.store.experiment;
