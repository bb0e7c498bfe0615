/**
 * Shared test fixtures for the server: authenticated request helpers, unique keys so tests never
 * depend on each other or on the order they run in (the PostgreSQL run keeps its database), sample
 * content builders and problem+json assertions.
 */
package dev.bespoke.server.testsupport;
