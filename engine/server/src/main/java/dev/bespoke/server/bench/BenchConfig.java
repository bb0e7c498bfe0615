package dev.bespoke.server.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings of the load benchmark's baseline endpoint. */
@ConfigMapping(prefix = "bespoke.bench")
public interface BenchConfig {

  /**
   * Whether the baseline endpoint is built into the application. Read at build time (through
   * {@code @IfBuildProperty}); listed here so the key is documented and not reported as unknown.
   */
  @WithDefault("false")
  boolean baseline();

  /**
   * The JSON file the baseline serves: a recorded decisions answer, so the baseline returns as many
   * bytes as the delivery API does.
   */
  Optional<Path> baselineFile();
}
