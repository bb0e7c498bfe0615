/**
 * The visitor context: one immutable, framework-free value per request holding what is known about
 * the visitor (request signals, stored profile counters and scores, the time) that compiled
 * conditions read. The server builds it; the decision core only reads it, so the core stays
 * testable without HTTP, Redis or a clock.
 */
package dev.bespoke.core.context;
