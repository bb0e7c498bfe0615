/**
 * Experiments running over the real HTTP API: lifecycle and roles, assignment and stickiness, exact
 * counting under concurrency, and a simulation of many visitors against known conversion rates.
 */
package dev.bespoke.server.experiment;
