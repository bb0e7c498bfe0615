package dev.bespoke.server.context.testsupport;

import dev.bespoke.server.context.device.DeviceConfig;
import dev.bespoke.server.context.geo.GeoConfig;
import dev.bespoke.server.context.page.PageConfig;
import dev.bespoke.server.context.session.SessionConfig;
import dev.bespoke.server.context.visitor.CookieConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Plain implementations of the context configuration interfaces, with the documented defaults. */
public final class Configs {

  private Configs() {}

  public record Device(boolean enabled, int cacheSize, boolean awaitAtStartup)
      implements DeviceConfig {}

  public static Device device() {
    return new Device(true, 10_000, false);
  }

  public record Geo(
      Optional<String> countryHeader,
      Optional<String> regionHeader,
      Optional<Path> database,
      Duration databaseCheckInterval)
      implements GeoConfig {}

  public static Geo geoHeader(String countryHeader, String regionHeader) {
    return new Geo(
        Optional.of(countryHeader),
        Optional.ofNullable(regionHeader),
        Optional.empty(),
        Duration.ofMinutes(10));
  }

  public static Geo geoDatabase(Path database) {
    return new Geo(
        Optional.empty(), Optional.empty(), Optional.of(database), Duration.ofMinutes(10));
  }

  public static Geo geoNone() {
    return new Geo(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofMinutes(10));
  }

  public record Page(
      Optional<List<String>> searchHosts,
      Optional<List<String>> socialHosts,
      Optional<List<String>> emailHosts,
      Optional<List<String>> internalHosts)
      implements PageConfig {}

  public static Page page() {
    return new Page(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public record Cookie(Optional<String> secret, Path secretFile, Duration maxAge)
      implements CookieConfig {}

  public static Cookie cookie(String secret) {
    return new Cookie(
        Optional.ofNullable(secret), Path.of("./data/cookie-secret"), Duration.ofDays(365));
  }

  public record Jwt(
      Optional<String> secret,
      Optional<String> publicKeyLocation,
      Optional<String> issuer,
      Optional<String> audience,
      Duration clockSkew,
      Duration jwksRefreshInterval)
      implements SessionConfig.Jwt {

    public static Jwt none() {
      return new Jwt(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Duration.ofSeconds(30),
          Duration.ofHours(1));
    }

    public Jwt withSecret(String value) {
      return new Jwt(
          Optional.of(value), publicKeyLocation, issuer, audience, clockSkew, jwksRefreshInterval);
    }

    public Jwt withPublicKeyLocation(String value) {
      return new Jwt(secret, Optional.of(value), issuer, audience, clockSkew, jwksRefreshInterval);
    }

    public Jwt withIssuer(String value) {
      return new Jwt(
          secret, publicKeyLocation, Optional.of(value), audience, clockSkew, jwksRefreshInterval);
    }

    public Jwt withAudience(String value) {
      return new Jwt(
          secret, publicKeyLocation, issuer, Optional.of(value), clockSkew, jwksRefreshInterval);
    }
  }

  public record Session(Optional<String> cookieName, SessionConfig.Jwt jwt)
      implements SessionConfig {}

  public static Session session(Jwt jwt, String cookieName) {
    return new Session(Optional.ofNullable(cookieName), jwt);
  }
}
