/**
 * Profiles in Redis: one hash per visitor with a TTL, written by one Lua script per update and read
 * with one {@code HGETALL}; all of a visitor's keys share a hash tag so they sit in one Redis
 * Cluster slot and the script may touch them together. {@link
 * dev.bespoke.server.profile.store.redis.RedisKeys} documents the layout; {@code docs/privacy.md}
 * repeats it for operators.
 */
package dev.bespoke.server.profile.store.redis;
