/**
 * The embedded demo: a {@code default} space with slots, segments and published variants, seeded
 * once at start-up so the README's tour and the console have something to show.
 */
package dev.bespoke.server.demo;
