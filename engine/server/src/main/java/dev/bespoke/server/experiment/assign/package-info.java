/**
 * The delivery path's side of experiments: which arm a visitor is in for a slot's running
 * experiment, what that arm serves, and recording the exposure.
 */
package dev.bespoke.server.experiment.assign;
