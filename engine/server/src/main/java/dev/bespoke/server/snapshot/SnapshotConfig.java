package dev.bespoke.server.snapshot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How the published snapshot is kept fresh. */
@ConfigMapping(prefix = "bespoke.snapshot")
public interface SnapshotConfig {

  /**
   * How often each node compares its snapshots with the content store's change markers: the bound
   * on how stale a node can be when it missed a publish notification.
   */
  @WithDefault("2s")
  @DurationMin(millis = 1)
  Duration pollInterval();
}
