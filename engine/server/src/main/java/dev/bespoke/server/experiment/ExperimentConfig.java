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
}
