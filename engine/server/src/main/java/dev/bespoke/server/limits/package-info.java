/**
 * Limits and back-pressure in one place: request body sizes per API, per-client rate limiting of
 * the public delivery and events APIs, and which peers are trusted to name the client's address.
 * Quarkus' own {@code quarkus.http.limits.*} bound headers, the request line and any body; see
 * docs/security.md for the whole table.
 */
package dev.bespoke.server.limits;
