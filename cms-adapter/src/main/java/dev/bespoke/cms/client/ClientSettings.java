package dev.bespoke.cms.client;

import java.net.URI;
import java.time.Duration;

/**
 * How a {@link BespokeClient} reaches Bespoke.
 *
 * @param baseUri where Bespoke listens, e.g. {@code http://bespoke:8080}
 * @param deliveryKey the space's public delivery key ({@code X-Bespoke-Key}), or {@code null}
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long the page waits in all for an answer, connection included
 */
public record ClientSettings(
    URI baseUri,
    String space,
    String channel,
    String deliveryKey,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** A page budget: Bespoke answers in a few ms; a page should not wait on it for long. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(300);

  /** Shorter than the request budget, so an unreachable host is given up on quickly. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(200);

  public ClientSettings {
    if (baseUri == null || baseUri.getScheme() == null || baseUri.getHost() == null) {
      throw new IllegalArgumentException("baseUri must be absolute, e.g. http://bespoke:8080");
    }
    if (space == null || space.isBlank() || channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("space and channel are required");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** {@code path} (starting with {@code /}) under the base URI. */
  URI resolve(String pathAndQuery) {
    String base = baseUri.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
  }
}
