package dev.bespoke.server.metrics;

import dev.bespoke.server.events.service.EventBuffer;
import dev.bespoke.server.profile.service.CircuitBreaker;
import dev.bespoke.server.profile.service.ProfileGateway;
import dev.bespoke.server.profile.service.WriteBuffer;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Registers the node's gauges once at start; each reads live state when scraped, so nothing on the
 * request path pays for them.
 */
@ApplicationScoped
public class NodeGauges {

  private final MeterRegistry registry;
  private final ProfileGateway profiles;
  private final EventBuffer events;
  private final SnapshotRegistry snapshots;

  public NodeGauges(
      MeterRegistry registry,
      ProfileGateway profiles,
      EventBuffer events,
      SnapshotRegistry snapshots) {
    this.registry = registry;
    this.profiles = profiles;
    this.events = events;
    this.snapshots = snapshots;
  }

  void onStart(@Observes StartupEvent event) {
    Gauge.builder("bespoke.profile.breaker.state", profiles.breaker(), NodeGauges::stateValue)
        .description("The profile store's circuit breaker: 0 closed, 1 half-open, 2 open")
        .register(registry);
    buffer("bespoke.events.buffer", "Events accepted and not yet written", events.buffer());
    buffer("bespoke.profile.writes", "Profile updates not yet written", profiles.writes());
    for (String space : snapshots.spaces()) {
      snapshotInstalled(space);
    }
  }

  private void buffer(String name, String description, WriteBuffer buffer) {
    Gauge.builder(name + ".depth", buffer, WriteBuffer::pending)
        .description(description)
        .register(registry);
    Gauge.builder(name + ".capacity", buffer, WriteBuffer::capacity)
        .description("Capacity of " + name)
        .register(registry);
    FunctionCounter.builder(name + ".refused", buffer, WriteBuffer::refused)
        .description("Writes refused because " + name + " was full")
        .register(registry);
  }

  /**
   * Makes sure the space's generation gauge exists; Micrometer returns the existing meter when it
   * does, so calling this on every rebuild is cheap.
   */
  public void snapshotInstalled(String space) {
    Gauge.builder("bespoke.snapshot.generation", snapshots, s -> s.generation(space))
        .description("Generation (content change marker) of the snapshot this node serves")
        .tag("space", space)
        .register(registry);
  }

  /** A snapshot rebuild, for the rebuild-time histogram (target: under 1 s for 10,000 variants). */
  public void rebuilt(String space, Duration took) {
    snapshotInstalled(space);
    Timer.builder("bespoke.snapshot.rebuild")
        .description("Reading and compiling one space's published content into a snapshot")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(took);
  }

  private static double stateValue(CircuitBreaker breaker) {
    return switch (breaker.state()) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }
}
