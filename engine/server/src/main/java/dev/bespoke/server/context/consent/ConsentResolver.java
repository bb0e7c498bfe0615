package dev.bespoke.server.context.consent;

import dev.bespoke.server.context.support.CleanText;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads consent from the request body, else from the {@code bespoke_consent} cookie.
 *
 * <p>The cookie is written by the site's consent tool, not by Bespoke, so its format is read
 * leniently: pairs separated by {@code ,}, {@code &} or {@code ;}, each {@code key:value} or {@code
 * key=value}, optionally URL-encoded or wrapped in JSON braces and quotes. Keys are {@code p} /
 * {@code personalization} / {@code personalisation} and {@code a} / {@code analytics}; values
 * {@code 1/0}, {@code true/false}, {@code yes/no}, {@code granted/denied}. Whatever cannot be read
 * is {@link ConsentState#UNKNOWN}, never an error.
 */
@ApplicationScoped
public class ConsentResolver {

  public static final String COOKIE = "bespoke_consent";
  static final int MAX_COOKIE_LENGTH = 1_024;

  private static final Set<String> PERSONALIZATION =
      Set.of("p", "personalization", "personalisation", "personalize", "personalise");
  private static final Set<String> ANALYTICS = Set.of("a", "analytics", "statistics");
  private static final Set<String> YES = Set.of("1", "true", "yes", "y", "granted", "on", "allow");
  private static final Set<String> NO = Set.of("0", "false", "no", "n", "denied", "off", "deny");

  /**
   * @param bodyPersonalization the body's {@code consent.personalization}, null when absent
   * @param bodyAnalytics the body's {@code consent.analytics}, null when absent
   * @param cookie the raw {@code bespoke_consent} cookie value, null when absent
   */
  public Consent resolve(Boolean bodyPersonalization, Boolean bodyAnalytics, String cookie) {
    Consent fromCookie = parseCookie(cookie);
    // Each answer separately: a body that only states personalisation keeps the cookie's analytics.
    return new Consent(
        bodyPersonalization != null
            ? ConsentState.of(bodyPersonalization)
            : fromCookie.personalization(),
        bodyAnalytics != null ? ConsentState.of(bodyAnalytics) : fromCookie.analytics());
  }

  /** The consent a cookie value states. */
  public Consent parseCookie(String raw) {
    if (raw == null || raw.length() > MAX_COOKIE_LENGTH) {
      return Consent.UNKNOWN;
    }
    String text = decode(raw);
    if (text == null || CleanText.hasControl(text)) {
      return Consent.UNKNOWN;
    }
    ConsentState personalization = ConsentState.UNKNOWN;
    ConsentState analytics = ConsentState.UNKNOWN;
    for (String pair : text.replaceAll("[{}\"'\\s]", "").split("[,&;|]", 16)) {
      int sep = indexOfSeparator(pair);
      if (sep <= 0) {
        continue;
      }
      String key = pair.substring(0, sep).toLowerCase(Locale.ROOT);
      ConsentState value = state(pair.substring(sep + 1).toLowerCase(Locale.ROOT));
      if (PERSONALIZATION.contains(key)) {
        personalization = value;
      } else if (ANALYTICS.contains(key)) {
        analytics = value;
      }
    }
    return new Consent(personalization, analytics);
  }

  private static int indexOfSeparator(String pair) {
    int colon = pair.indexOf(':');
    int eq = pair.indexOf('=');
    if (colon < 0) {
      return eq;
    }
    return eq < 0 ? colon : Math.min(colon, eq);
  }

  private static ConsentState state(String value) {
    if (YES.contains(value)) {
      return ConsentState.GRANTED;
    }
    return NO.contains(value) ? ConsentState.DENIED : ConsentState.UNKNOWN;
  }

  private static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
