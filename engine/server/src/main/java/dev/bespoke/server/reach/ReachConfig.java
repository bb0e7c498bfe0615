package dev.bespoke.server.reach;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sample that reach estimates are computed from. */
@ConfigMapping(prefix = "bespoke.reach")
public interface ReachConfig {

  /**
   * How many of the latest live decision requests each node keeps per space. 5,000 puts the
   * standard error of a share under 0.8 percentage points and costs a few MB per space; 0 keeps
   * nothing (reach then always answers an empty sample).
   */
  @WithDefault("5000")
  int sampleSize();

  /**
   * At most this many requests per second and space enter a node's sample (bursts of as many again
   * are let through). Under load the sample then spans minutes of traffic rather than the last
   * second, and the garbage collector no longer copies thousands of short-lived contexts at every
   * pause: keeping every request took young-generation pauses from about 2 ms to 17-22 ms at 5,000
   * decisions a second (docs/benchmarks.md). 0 or less: no limit.
   */
  @WithDefault("50")
  int samplesPerSecond();
}
