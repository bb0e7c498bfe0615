/**
 * The in-process profile store of the embedded mode: one node, no Redis. It applies the same
 * operations as the Redis script, under the map's per-key lock, and honours the TTL by expiry on
 * read plus a periodic sweep.
 */
package dev.bespoke.server.profile.store.memory;
