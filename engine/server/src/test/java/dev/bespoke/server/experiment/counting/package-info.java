/** Tests of the Redis experiment counters' key layout that need no Redis. */
package dev.bespoke.server.experiment.counting;
