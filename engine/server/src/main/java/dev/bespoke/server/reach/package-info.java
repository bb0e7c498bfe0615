/**
 * Reach: the share of recently seen visitors a segment (saved or still being edited) would take in.
 * Each node keeps a bounded, in-memory sample of the visitor contexts of its latest live decision
 * requests, stripped of what identifies a visitor, and evaluates rules against it.
 */
package dev.bespoke.server.reach;
