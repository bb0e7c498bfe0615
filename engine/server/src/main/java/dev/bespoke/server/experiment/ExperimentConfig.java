package dev.bespoke.server.experiment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How experiments are counted and their counts kept. */
@ConfigMapping(prefix = "bespoke.experiments")
public interface ExperimentConfig {

  /**
   * How long a decision waits for its exposures to be counted before answering anyway (the count
   * still completes in the background). Waiting keeps a conversion sent right after the answer from
   * arriving before its own exposure.
   */
  @WithDefault("PT0.1S")
  @DurationMin(millis = 1)
  Duration counterTimeout();

  /** How often running experiments' daily series are copied from the counters to the database. */
  @WithDefault("PT5M")
  @DurationMin(millis = 1)
  Duration flushInterval();

  /** How long a stopped experiment's Redis counters are kept after its counts were frozen. */
  @WithDefault("P7D")
  @DurationMin(millis = 1)
  Duration stoppedCountersTtl();

  /**
   * How long after a visitor's exposure their conversion (or bandit reward) may count at the
   * earliest. A person needs longer than this to see a block and act on it; a script that mints a
   * visitor and converts it in the same breath does not wait, and its conversion is excluded.
   */
  @WithDefault("PT1S")
  @DurationMin(millis = 0)
  Duration minTimeToConvert();

  /** The burst check that flags results fed by improbable floods of visitors or conversions. */
  Burst burst();

  /** See docs/experiments-running.md, "Bursts". */
  interface Burst {

    /** The width of one counting bucket; the check runs once a bucket on every node. */
    @WithDefault("PT1M")
    @DurationMin(millis = 1)
    Duration bucket();

    /** How many buckets, the current one included, make the recent window. */
    @WithDefault("10")
    int windowBuckets();

    /** How much history before the window the experiment needs before it can be judged. */
    @WithDefault("PT30M")
    @DurationMin(millis = 0)
    Duration minHistory();

    /** How many times its history's rate the window must reach to be a burst. */
    @WithDefault("10")
    int factor();

    /** Fewer new visitors or conversions than this in the window are never a burst. */
    @WithDefault("50")
    int floor();
  }
}
