/**
 * {@code POST /api/v1/events}: the wire records (unknown fields ignored, as on every delivery
 * endpoint), their validation into domain events, and the resource that turns outcomes into HTTP
 * (202, 400, 404, 503 with {@code Retry-After}).
 */
package dev.bespoke.server.events.rest;
