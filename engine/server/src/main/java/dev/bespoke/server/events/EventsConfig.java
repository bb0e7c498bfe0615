package dev.bespoke.server.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How events are taken in. */
@ConfigMapping(prefix = "bespoke.events")
public interface EventsConfig {

  /**
   * Events that may wait for the profile store at once (in memory). When full, requests answer 503
   * with {@code Retry-After}; nothing is dropped silently. Also the most a SIGKILL can lose.
   */
  @WithDefault("10000")
  int bufferSize();

  /** How long a request waits for its profile write before the write is buffered instead. */
  @WithDefault("PT0.05S")
  @DurationMin(millis = 1)
  Duration writeTimeout();

  /** How long a clean shutdown waits for buffered events to be written. */
  @WithDefault("PT10S")
  @DurationMin(millis = 1)
  Duration drainTimeout();
}
