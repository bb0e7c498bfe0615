package dev.bespoke.server.context.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** How Bespoke recognises a logged-in customer from the host site's session token. */
@ConfigMapping(prefix = "bespoke.session")
public interface SessionConfig {

  /** Cookie that carries the session JWT, looked at after {@code Authorization: Bearer}. */
  Optional<String> cookieName();

  /** Verification of the session JWT. */
  Jwt jwt();

  /** Keys and checks for session JWTs; with no key configured nobody is ever logged in. */
  interface Jwt {

    /** HS256 shared secret, at least 32 bytes of UTF-8. */
    Optional<String> secret();

    /**
     * RS256/ES256 public keys: a PEM file ({@code PUBLIC KEY} or {@code CERTIFICATE} blocks), a
     * JWKS file, or an https URL of a JWKS. Read at start-up (URLs also refreshed), never taken
     * from a token.
     */
    Optional<String> publicKeyLocation();

    /** Required {@code iss} when set. */
    Optional<String> issuer();

    /** Required {@code aud} when set; tokens with an audience are refused while unset. */
    Optional<String> audience();

    /** Clock difference tolerated on {@code exp} and {@code nbf}. */
    @WithDefault("PT30S")
    @DurationMin(millis = 0)
    Duration clockSkew();

    /** How often a JWKS given by URL is fetched again, so the issuer can rotate keys. */
    @WithDefault("PT1H")
    @DurationMin(millis = 1)
    Duration jwksRefreshInterval();
  }
}
