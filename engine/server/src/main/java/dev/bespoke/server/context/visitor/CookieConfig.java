package dev.bespoke.server.context.visitor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** The key that signs visitor ids (and decision ids) and the visitor cookie's lifetime. */
@ConfigMapping(prefix = "bespoke.cookie")
public interface CookieConfig {

  /**
   * Signing key, at least 32 characters (e.g. {@code openssl rand -base64 32}). Every node of one
   * installation needs the same value. When unset a key is generated once and kept with the data.
   */
  Optional<String> secret();

  /** Where the generated key is kept when {@code bespoke.cookie.secret} is unset. */
  @WithDefault("./data/cookie-secret")
  Path secretFile();

  /** Max-Age of the {@code bespoke_vid} cookie. */
  @WithDefault("P365D")
  @DurationMin(millis = 1)
  Duration maxAge();
}
