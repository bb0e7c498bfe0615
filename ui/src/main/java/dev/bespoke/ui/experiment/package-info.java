/** Experiments: create from a slot (a holdout in one click), start/stop, results with charts. */
package dev.bespoke.ui.experiment;
