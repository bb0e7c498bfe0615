/**
 * Segments: named audiences defined by a rule in the condition language. A rule is parsed and
 * checked (with the {@code inSegment} references of the whole space) when it is saved, so nothing
 * stored can fail to compile at publish.
 */
package dev.bespoke.store.segment;
