/**
 * Faults F1–F12 of the catalogue injected into real processes while a bounded load runs: the
 * service's own {@code redis-server} killed or slowed, the content database cut off behind a
 * loopback proxy, a full disk under the embedded database, a shutdown under event load.
 */
package dev.bespoke.server.reliability.faults;
