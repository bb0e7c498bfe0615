package dev.bespoke.server.context.geo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** Where {@code geo.country} and {@code geo.region} come from. */
@ConfigMapping(prefix = "bespoke.geo")
public interface GeoConfig {

  /**
   * Header set by the CDN or load balancer in front of Bespoke with the visitor's ISO country, such
   * as {@code CF-IPCountry}. Only set it when every request passes that edge: a client can send any
   * header. When set, the database is not used.
   */
  Optional<String> countryHeader();

  /** Header from the same edge with the region (ISO 3166-2 subdivision, e.g. {@code NH}). */
  Optional<String> regionHeader();

  /** A MaxMind GeoIP2 or GeoLite2 Country or City database file (.mmdb), used by client IP. */
  Optional<Path> database();

  /** How often the database file is checked for a newer version (e.g. after geoipupdate). */
  @WithDefault("10m")
  @DurationMin(millis = 1)
  Duration databaseCheckInterval();
}
