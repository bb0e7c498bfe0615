/**
 * What the engine delivers: every published slot, variant and segment of a space, and its running
 * experiments, read in one transaction so the engine never compiles a half-published state.
 */
package dev.bespoke.store.publication;
