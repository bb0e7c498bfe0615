package dev.bespoke.ui.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The editor console's settings ({@code bespoke.console.*}). */
@ConfigMapping(prefix = "bespoke.console")
public interface ConsoleConfig {

  /** The space the console edits. */
  @WithDefault("default")
  String space();

  /**
   * Key that signs CSRF tokens, at least 32 characters and the same on every node. Unset: a random
   * key per process, so forms opened before a restart must be reloaded.
   */
  Optional<String> csrfSecret();

  /** The channel previews decide for. */
  @WithDefault("web")
  String previewChannel();
}
