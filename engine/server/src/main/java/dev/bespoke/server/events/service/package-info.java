/**
 * The ingestion use case: events to one profile update per request, written through a bounded
 * buffer (write-through within a short budget, else buffered and retried), and experiment events to
 * the sink. The buffer drains on a clean shutdown before the Redis client closes.
 */
package dev.bespoke.server.events.service;
