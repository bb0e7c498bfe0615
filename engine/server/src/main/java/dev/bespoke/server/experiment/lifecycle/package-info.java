/**
 * Starting and stopping experiments (stopping freezes the counts in the database), and copying
 * running experiments' daily series from the counters to the database.
 */
package dev.bespoke.server.experiment.lifecycle;
