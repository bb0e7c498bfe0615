/** Health checks: a node is ready only when it can decide from a loaded snapshot. */
package dev.bespoke.server.health;
