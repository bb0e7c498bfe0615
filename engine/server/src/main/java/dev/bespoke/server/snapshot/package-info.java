/**
 * The published snapshot: each space's published content compiled once into immutable structures
 * (rules compiled, HTML sanitised, templates parsed) and swapped atomically, so that a decision
 * never touches the database and never sees half a publish.
 */
package dev.bespoke.server.snapshot;
