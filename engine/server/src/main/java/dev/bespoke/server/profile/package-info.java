/**
 * Visitor profiles: what Bespoke keeps about a visitor between requests (visits, behaviour counters
 * in day buckets, decaying interest scores, traits, consent, experiment assignments, conversions).
 *
 * <p>The records here are the domain: {@link dev.bespoke.server.profile.Profile} is what a read
 * answers, {@link dev.bespoke.server.profile.ProfileUpdate} is what a write asks for. A write is a
 * list of commutative operations rather than a new profile, so that a store can apply it atomically
 * in one round trip (a Lua script in Redis) without reading first, and a retried write is
 * recognised by its id instead of being counted twice.
 *
 * <p>Sub-packages: {@code store} (the two stores and how one is chosen), {@code service} (the
 * fail-safe gateway the delivery path calls, write buffers, merge and erasure), {@code identity}
 * (who the caller is), {@code rest} ({@code /api/v1/me} and the admin endpoints).
 */
package dev.bespoke.server.profile;
