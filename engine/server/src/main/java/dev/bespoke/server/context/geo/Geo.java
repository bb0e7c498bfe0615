package dev.bespoke.server.context.geo;

import java.util.Map;
import java.util.Optional;

/**
 * Where the visitor is, as far as Bespoke may believe it.
 *
 * @param country ISO 3166-1 alpha-2 code in upper case, e.g. {@code NL}
 * @param region ISO 3166-2 subdivision code without the country, e.g. {@code NH}
 */
public record Geo(Optional<String> country, Optional<String> region) {

  public static final Geo UNKNOWN = new Geo(Optional.empty(), Optional.empty());

  /** Puts the known parts under {@code geo.country} and {@code geo.region}. */
  public void addTo(Map<String, Object> attributes) {
    country.ifPresent(v -> attributes.put("geo.country", v));
    region.ifPresent(v -> attributes.put("geo.region", v));
  }
}
