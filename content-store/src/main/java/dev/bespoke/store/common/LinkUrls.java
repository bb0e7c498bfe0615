package dev.bespoke.store.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a URL that Bespoke puts into a link or an image source: http, https, or relative
 * (which takes the page's scheme). The browser script applies the same rule with the browser's own
 * URL parser.
 *
 * <p>The scheme is read as browsers read it (the WHATWG URL standard), not as the text looks:
 * before looking for a scheme, a browser drops leading and trailing spaces and C0 control
 * characters and removes every tab and newline, so {@code " java\tscript:"} and {@code
 * "\u0001javascript:"} are {@code javascript:} URLs. {@link URI} then parses what the browser would
 * parse, and a value it cannot parse is refused rather than guessed at.
 */
public final class LinkUrls {

  /** What the browser removes anywhere in the value: ASCII tab, line feed and carriage return. */
  private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");

  /** The URL standard's scheme: an ASCII letter, then letters, digits, {@code + - .}, then ':'. */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private LinkUrls() {}

  /** Why the value may not be a link's URL, or empty when it may. */
  public static Optional<String> problem(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String url = asBrowsersRead(value);
    String scheme;
    try {
      scheme = new URI(url).getScheme();
    } catch (URISyntaxException e) {
      var written = SCHEME.matcher(url);
      return Optional.of(
          written.find() && !allowed(written.group(1))
              ? refusedScheme(written.group(1))
              : "is not a valid URL (" + e.getReason().toLowerCase(Locale.ROOT) + ")");
    }
    return scheme == null || allowed(scheme)
        ? Optional.empty()
        : Optional.of(refusedScheme(scheme));
  }

  /** The value as a browser's URL parser sees it before it reads the scheme. */
  static String asBrowsersRead(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) <= ' ') {
      end--;
    }
    return TAB_OR_NEWLINE.matcher(value.substring(start, end)).replaceAll("");
  }

  private static boolean allowed(String scheme) {
    return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
  }

  private static String refusedScheme(String scheme) {
    return "is a "
        + scheme.toLowerCase(Locale.ROOT)
        + ": URL as a browser reads it; a link or image must be an http or https URL, or a"
        + " relative one such as /sale";
  }
}
