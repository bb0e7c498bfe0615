/**
 * The fail-safe side of profiles: {@link dev.bespoke.server.profile.service.ProfileGateway} is what
 * the delivery path calls; it bounds every read by a time budget and a circuit breaker and answers
 * a degraded read instead of failing. Writes go through bounded {@link
 * dev.bespoke.server.profile.service.WriteBuffer}s that retry once the store is back and drain on a
 * clean shutdown.
 */
package dev.bespoke.server.profile.service;
