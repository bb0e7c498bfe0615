/**
 * Hostile inputs 1–47 of the catalogue, one dynamic test per row, all in the default {@code test}
 * profile so they share one Quarkus boot. Each asserts the expected status and that nothing
 * changed: no 5xx, no stack trace or echo of the input in the body, no cookie or content stored.
 */
package dev.bespoke.server.reliability.hostile;
