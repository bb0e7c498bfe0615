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
}
