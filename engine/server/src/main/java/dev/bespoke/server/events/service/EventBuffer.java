package dev.bespoke.server.events.service;

import dev.bespoke.server.events.EventsConfig;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.service.ProfileGateway;
import dev.bespoke.server.profile.service.WriteBuffer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * The bounded buffer event writes go through, sharing the profile store's circuit breaker. On a
 * clean shutdown it is drained first (a low priority number runs early), while the Redis client is
 * still open: Quarkus closes clients in shutdown tasks, after the {@link ShutdownEvent} observers.
 */
@ApplicationScoped
public class EventBuffer {

  static final int SHUTDOWN_PRIORITY = 10;

  private final WriteBuffer buffer;
  private final Duration drainTimeout;

  public EventBuffer(ProfileGateway profiles, EventsConfig config) {
    this.buffer =
        new WriteBuffer(
            "events",
            profiles.store(),
            profiles.breaker(),
            config.bufferSize(),
            config.writeTimeout());
    this.drainTimeout = config.drainTimeout();
  }

  /** See {@link WriteBuffer#submit}: fails with {@link WriteBuffer.FullException} when full. */
  public Uni<WriteBuffer.Ack> submit(ProfileKey key, ProfileUpdate update, int events) {
    return buffer.submit(key, update, events);
  }

  public WriteBuffer buffer() {
    return buffer;
  }

  void onShutdown(@Observes @Priority(SHUTDOWN_PRIORITY) ShutdownEvent event) {
    buffer.drain(drainTimeout);
    buffer.close();
  }
}
