package dev.bespoke.server.context.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the User-Agent parser runs. */
@ConfigMapping(prefix = "bespoke.device")
public interface DeviceConfig {

  /** Classify devices at all; when off, no {@code device.*} attribute is ever set. */
  @WithDefault("true")
  boolean enabled();

  /** How many distinct User-Agent strings keep their parse result (an LRU cache). */
  @WithDefault("10000")
  int cacheSize();

  /**
   * Hold start-up until the parser is ready (about 5 s) instead of loading it in the background;
   * until it is ready requests are classified with no {@code device.*} attributes.
   */
  @WithDefault("false")
  boolean awaitAtStartup();
}
