package dev.bespoke.server.bandit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How bandit slots learn. */
@ConfigMapping(prefix = "bespoke.bandit")
public interface BanditConfig {

  /**
   * The share of a bandit slot's decisions picked uniformly at random, so that no variant is ever
   * starved of evidence and a change in visitors' taste is noticed.
   */
  @WithDefault("0.10")
  double explorationShare();

  /** How often each node copies the shared counts into the evidence its decisions read. */
  @WithDefault("PT5S")
  @DurationMin(millis = 1)
  Duration refreshInterval();

  /** How long a decision id can still earn its variant a reward, and is remembered for it. */
  @WithDefault("P1D")
  @DurationMin(millis = 1)
  Duration rewardWindow();
}
