/**
 * Spaces: one site or brand each, with its own slots, variants, segments, experiments and personas.
 * Spaces are archived, never deleted, so their history stays readable.
 */
package dev.bespoke.store.space;
