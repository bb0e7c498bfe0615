/**
 * Limits and back-pressure: body sizes per API and per-client rate limiting (429 with {@code
 * Retry-After}), including the X-Forwarded-For rules that keep the limit from being dodged.
 */
package dev.bespoke.server.reliability.limits;
