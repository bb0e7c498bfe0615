package dev.bespoke.server.profile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Where profiles live and how they age. */
@ConfigMapping(prefix = "bespoke.profile")
public interface ProfileConfig {

  /** Which store keeps profiles: {@code memory} (embedded, one node) or {@code redis}. */
  @WithDefault("memory")
  StoreKind store();

  /** How long an untouched profile lives; every write starts the period again. */
  @WithDefault("P90D")
  @DurationMin(millis = 1)
  Duration ttl();

  /** The delivery path's budget for reading a profile; past it the decision goes on without. */
  @WithDefault("PT0.025S")
  @DurationMin(millis = 1)
  Duration timeout();

  /** Consecutive failures (errors or timeouts) that open the circuit breaker. */
  @WithDefault("5")
  int breakerFailures();

  /** How long the breaker stays open before one trial call may close it again. */
  @WithDefault("5s")
  @DurationMin(millis = 1)
  Duration breakerDelay();

  /** Profile reads that may wait on the store at once; more answer degraded at once. */
  @WithDefault("256")
  int maxInFlight();

  /** How long an interest score takes to halve (a space setting may override it later). */
  @WithDefault("P14D")
  @DurationMin(millis = 1)
  Duration scoreHalfLife();

  /** The longest behaviour window a rule may ask about; older day buckets are dropped. */
  @WithDefault("P90D")
  @DurationMin(millis = 1)
  Duration behaviorRetention();

  /** Inactivity after which the next request counts as a new visit. */
  @WithDefault("PT30M")
  @DurationMin(millis = 1)
  Duration sessionGap();

  /** Pending background writes (visit touches, assignments) before new ones are dropped. */
  @WithDefault("10000")
  int writeBufferSize();

  /** How often the in-process store removes expired profiles. */
  @WithDefault("PT1M")
  @DurationMin(millis = 1)
  Duration sweepInterval();

  /**
   * Day buckets of behaviour counters one profile keeps, across every event name; beyond it the
   * least recently counted go.
   */
  @WithDefault("1000")
  int maxCounters();

  /** Day buckets of counters one event name (pageview, click, conversion, custom) may hold. */
  @WithDefault("400")
  int maxCountersPerEvent();

  /** Interest scores one profile keeps; beyond it the least recently raised go. */
  @WithDefault("200")
  int maxScores();

  /** The store implementations. */
  enum StoreKind {
    MEMORY,
    REDIS
  }

  default ProfileSettings settings() {
    return new ProfileSettings(
        ttl(),
        scoreHalfLife(),
        behaviorRetention(),
        sessionGap(),
        new ProfileCaps(maxCounters(), maxCountersPerEvent(), maxScores()));
  }
}
