/**
 * Benchmark-only endpoints, compiled into the application only when it is built with {@code
 * -Dbespoke.bench.baseline=true} (the load benchmark under {@code engine/server/bench} does this).
 * The product build never contains them.
 */
package dev.bespoke.server.bench;
