package dev.bespoke.server.context.geo;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates country and region codes from headers and databases. */
final class GeoCodes {

  // The JDK's list of assigned ISO 3166-1 codes: edge placeholders such as Cloudflare's XX
  // (unknown) and T1 (Tor) are not countries and must not match a country rule.
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern REGION = Pattern.compile("[A-Z0-9]{1,3}");

  private GeoCodes() {}

  static Optional<String> country(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String code = raw.strip().toUpperCase(Locale.ROOT);
    return code.length() == 2 && COUNTRIES.contains(code) ? Optional.of(code) : Optional.empty();
  }

  /** A subdivision code as ISO 3166-2 writes it after the hyphen; a {@code NL-} prefix is cut. */
  static Optional<String> region(String raw, Optional<String> country) {
    if (raw == null || raw.length() > 8) {
      return Optional.empty();
    }
    String code = raw.strip().toUpperCase(Locale.ROOT);
    int dash = code.indexOf('-');
    if (dash == 2 && country.isPresent() && code.startsWith(country.get())) {
      code = code.substring(3);
    }
    return REGION.matcher(code).matches() ? Optional.of(code) : Optional.empty();
  }
}
