package dev.bespoke.ui.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

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

  /**
   * The longest a console sign-in lasts, however active the editor is: then they sign in again.
   * Bounds how long a stolen session works and how long a sign-out must be remembered.
   */
  @WithDefault("PT12H")
  @DurationMin(millis = 1)
  Duration sessionMaxAge();

  /** The channel previews decide for. */
  @WithDefault("web")
  String previewChannel();
}
