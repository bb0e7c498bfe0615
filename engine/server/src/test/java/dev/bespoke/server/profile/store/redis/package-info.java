/** Tests of the Redis key layout that need no Redis: which keys share a cluster slot. */
package dev.bespoke.server.profile.store.redis;
