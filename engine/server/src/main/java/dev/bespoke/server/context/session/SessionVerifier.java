package dev.bespoke.server.context.session;

import dev.bespoke.server.context.Headers;
import dev.bespoke.server.profile.ProfileKey;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Recognises the logged-in customer from the host site's session JWT, in {@code Authorization:
 * Bearer} or the configured session cookie.
 *
 * <p>Verification with jose4j: signature against the configured keys only ({@link SessionKeys}),
 * the algorithm allow-list fixed by those keys, {@code exp} required, {@code exp}/{@code nbf}
 * checked with the configured skew, {@code sub} required, {@code iss} and {@code aud} when
 * configured. Tokens over 8 kB or not of the three-part JWS form are refused before parsing. An
 * invalid token makes the visitor anonymous; it is never an error, and the token is never logged.
 */
@ApplicationScoped
public class SessionVerifier {

  /** Longer tokens are refused unread: real session tokens are well under 2 kB. */
  public static final int MAX_TOKEN_LENGTH = 8_192;

  private static final Logger LOG = Logger.getLogger(SessionVerifier.class);

  private final SessionConfig config;
  private final Clock clock;
  private volatile SessionKeys keys = SessionKeys.NONE;

  @Inject
  public SessionVerifier(SessionConfig config) {
    this(config, Clock.systemUTC());
  }

  SessionVerifier(SessionConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Loads the keys. A bad secret or an unreadable key file stops start-up: the operator asked for
   * logged-in customers and would otherwise silently get none. A JWKS URL that cannot be fetched
   * only logs, because the identity provider may be down for a moment; the refresh retries it.
   */
  void onStart(@Observes StartupEvent event) {
    load();
  }

  /** Reads the configured keys; for tests and the refresh. */
  public void load() {
    SessionConfig.Jwt jwt = config.jwt();
    Optional<KeyLocation> location = jwt.publicKeyLocation().map(KeyLocation::new);
    String publicKeys = null;
    if (location.isPresent()) {
      try {
        publicKeys = location.get().read();
      } catch (IOException e) {
        String message = "cannot read bespoke.session.jwt.public-key-location " + location.get();
        if (!location.get().isRemote()) {
          throw new IllegalStateException(message + ": " + e.getMessage(), e);
        }
        LOG.errorf(
            "%s (%s); session tokens are not accepted until it can be", message, e.getMessage());
        keys = jwt.secret().map(s -> SessionKeys.of(s, null)).orElse(SessionKeys.NONE);
        return;
      }
    }
    try {
      keys = SessionKeys.of(jwt.secret().orElse(null), publicKeys);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("session JWT configuration: " + e.getMessage(), e);
    }
    if (!keys.isEmpty()) {
      LOG.infof("Session JWTs accepted with %s", String.join(", ", keys.algorithms()));
    }
  }

  @Scheduled(
      every = "${bespoke.session.jwt.jwks-refresh-interval:PT1H}",
      delayed = "${bespoke.session.jwt.jwks-refresh-interval:PT1H}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    Optional<KeyLocation> location = config.jwt().publicKeyLocation().map(KeyLocation::new);
    if (location.isEmpty() || !location.get().isRemote()) {
      return;
    }
    try {
      String text = location.get().read();
      keys = SessionKeys.of(config.jwt().secret().orElse(null), text);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warnf(
          "JWKS refresh from %s failed (%s); keeping the keys in use",
          location.get(), e.getMessage());
    }
  }

  /** Whether any key is configured, i.e. whether a customer can be logged in at all. */
  public boolean isConfigured() {
    return !keys.isEmpty();
  }

  /** The customer of the first valid token in the {@code Authorization} header or the cookie. */
  public Optional<Customer> resolve(Headers headers, Map<String, String> cookies) {
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    Optional<Customer> customer = verify(bearer(headers.first("Authorization")));
    if (customer.isEmpty() && config.cookieName().isPresent()) {
      customer = verify(cookies.get(config.cookieName().get()));
    }
    return customer;
  }

  /** The customer {@code token} names if it verifies; empty for anything else, never throws. */
  public Optional<Customer> verify(String token) {
    SessionKeys current = keys;
    if (token == null || current.isEmpty() || !looksLikeJws(token)) {
      return Optional.empty();
    }
    try {
      JwtClaims claims = consumer(current).processToClaims(token);
      String subject = claims.getSubject();
      // The subject becomes the key of the customer's profile; one that cannot be a key (blank,
      // whitespace, braces, too long) logs nobody in rather than failing the request later.
      if (!ProfileKey.isCustomerId(subject)) {
        LOG.debug("Session token refused: its subject cannot be a customer id");
        return Optional.empty();
      }
      return Optional.of(new Customer(subject, ClaimAttributes.of(claims.getClaimsMap())));
    } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
      // Expected for every forged, expired or foreign token: not worth more than debug, and the
      // token itself stays out of the log.
      LOG.debugf("Session token refused: %s", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private JwtConsumer consumer(SessionKeys current) {
    SessionConfig.Jwt jwt = config.jwt();
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds((int) Math.min(3600, jwt.clockSkew().toSeconds()))
            .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, current.algorithms()))
            .setJweAlgorithmConstraints(AlgorithmConstraints.DISALLOW_NONE)
            .setVerificationKeyResolver((jws, nesting) -> current.select(jws));
    jwt.issuer().ifPresent(iss -> builder.setExpectedIssuer(true, iss));
    if (jwt.audience().isPresent()) {
      builder.setExpectedAudience(true, jwt.audience().get());
    }
    return builder.build();
  }

  /** Three base64url parts: a JWS compact serialisation, not a JWE (five parts) or junk. */
  static boolean looksLikeJws(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return dots == 2;
  }

  private static String bearer(String authorization) {
    if (authorization == null || authorization.length() < 8) {
      return null;
    }
    return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).strip()
        : null;
  }
}
