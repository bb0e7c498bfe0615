/**
 * Node gauges for {@code /q/metrics}: the profile store's circuit breaker, the depth of the event
 * and profile write buffers, and the snapshot generation each node serves, so a dashboard can see a
 * node that lags behind a publish. Decision latency and fallbacks are measured where they happen
 * ({@link dev.bespoke.server.delivery.DeliveryMetrics}).
 */
package dev.bespoke.server.metrics;
