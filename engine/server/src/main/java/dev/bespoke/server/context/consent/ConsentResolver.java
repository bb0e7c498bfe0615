package dev.bespoke.server.context.consent;

import dev.bespoke.server.context.support.CleanText;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads consent from the request body, else from the {@code bespoke_consent} cookie.
 *
 * <p>The cookie is written by the site's consent tool, not by Bespoke, so several spellings are
 * read, exactly these (docs/privacy.md lists them, and the browser script reads the same; both
 * readers run the golden file {@code golden/consent-cookie.json}): pairs separated by {@code ,},
 * {@code &} or {@code |}, each {@code key:value} or {@code key=value}, keys and values optionally
 * in double quotes, the whole optionally in JSON braces and optionally percent-encoded once. A
 * {@code ;} never separates pairs: it ends the cookie value in the {@code Cookie} header. Keys are
 * {@code p} / {@code personalization} / {@code personalisation} / {@code personalize} / {@code
 * personalise} and {@code a} / {@code analytics} / {@code statistics}; values {@code 1/0}, {@code
 * true/false}, {@code yes/no}, {@code y/n}, {@code granted/denied}, {@code on/off}, {@code
 * allow/deny}. When one question is answered twice, a refusal wins. Whatever cannot be read is
 * {@link ConsentState#UNKNOWN}, never an error.
 */
@ApplicationScoped
public class ConsentResolver {

  public static final String COOKIE = "bespoke_consent";
  static final int MAX_COOKIE_LENGTH = 1_024;

  /** Two questions need two pairs; past sixteen a value is not a consent answer. */
  static final int MAX_PAIRS = 16;

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
    text = trim(text);
    if (text.length() >= 2 && text.startsWith("{") && text.endsWith("}")) {
      text = text.substring(1, text.length() - 1);
    }
    ConsentState personalization = ConsentState.UNKNOWN;
    ConsentState analytics = ConsentState.UNKNOWN;
    String[] pairs = text.split("[,&|]", -1);
    for (int i = 0; i < Math.min(pairs.length, MAX_PAIRS); i++) {
      String pair = pairs[i];
      int sep = indexOfSeparator(pair);
      if (sep <= 0) {
        continue;
      }
      String key = unquoted(pair.substring(0, sep)).toLowerCase(Locale.ROOT);
      ConsentState value = state(unquoted(pair.substring(sep + 1)).toLowerCase(Locale.ROOT));
      if (PERSONALIZATION.contains(key)) {
        personalization = strongest(personalization, value);
      } else if (ANALYTICS.contains(key)) {
        analytics = strongest(analytics, value);
      }
    }
    return new Consent(personalization, analytics);
  }

  /** A refusal stays a refusal; otherwise the later readable answer counts. */
  private static ConsentState strongest(ConsentState before, ConsentState next) {
    if (before == ConsentState.DENIED || next == ConsentState.UNKNOWN) {
      return before;
    }
    return next;
  }

  private static int indexOfSeparator(String pair) {
    int colon = pair.indexOf(':');
    int eq = pair.indexOf('=');
    if (colon < 0) {
      return eq;
    }
    return eq < 0 ? colon : Math.min(colon, eq);
  }

  /** Spaces and tabs only: the browser script trims the same characters. */
  private static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  private static String unquoted(String token) {
    String t = trim(token);
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private static ConsentState state(String value) {
    if (YES.contains(value)) {
      return ConsentState.GRANTED;
    }
    return NO.contains(value) ? ConsentState.DENIED : ConsentState.UNKNOWN;
  }

  /**
   * Percent-decodes once, as JavaScript's {@code decodeURIComponent} does (the browser script's
   * reader): a {@code +} stays a {@code +}, and a malformed escape or bytes that are not UTF-8 make
   * the whole value unreadable ({@code null}) rather than replaced characters.
   */
  private static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    StringBuilder text = new StringBuilder(raw.length());
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length()) {
      if (raw.charAt(i) != '%') {
        text.append(raw.charAt(i++));
        continue;
      }
      // A run of escapes is one UTF-8 sequence (or several): decoded together, strictly.
      run.reset();
      while (i < raw.length() && raw.charAt(i) == '%') {
        int high = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
        int low = high < 0 ? -1 : hex(raw.charAt(i + 2));
        if (low < 0) {
          return null;
        }
        run.write(high * 16 + low);
        i += 3;
      }
      try {
        text.append(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(run.toByteArray())));
      } catch (CharacterCodingException e) {
        return null;
      }
    }
    return text.toString();
  }

  /**
   * ASCII hex digits only, as in URIs ({@link Character#digit} would take other scripts' digits).
   */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
