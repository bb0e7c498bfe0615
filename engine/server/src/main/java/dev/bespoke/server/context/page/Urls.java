package dev.bespoke.server.context.page;

import dev.bespoke.server.context.support.CleanText;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lenient parsing of page and referrer URLs.
 *
 * <p>Browsers send URLs that {@link URI} refuses (a space, {@code |} or {@code {} in the query), so
 * characters that are illegal in a URI are percent-encoded once before giving up. Anything still
 * unparseable, too long, or not http(s) is ignored: a signal goes missing, the request goes on.
 */
final class Urls {

  /** Longer inputs are not URLs a page would send; parsing them is wasted work. */
  static final int MAX_INPUT_LENGTH = 8_192;

  private static final Set<String> WEB = Set.of("http", "https");

  private Urls() {}

  /** An absolute http(s) URL with a host. */
  static Optional<URI> web(String raw) {
    return parse(raw).filter(u -> WEB.contains(u.getScheme().toLowerCase(Locale.ROOT)));
  }

  /** An absolute URL of any scheme with a host ({@code android-app://} referrers have one). */
  static Optional<URI> parse(String raw) {
    String s = CleanText.blankToNull(raw);
    if (s == null || s.length() > MAX_INPUT_LENGTH || CleanText.hasControl(s)) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      try {
        uri = new URI(escapeIllegal(s));
      } catch (URISyntaxException again) {
        return Optional.empty();
      }
    }
    if (uri.getScheme() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  /** The host in lower case, brackets of an IPv6 literal removed. */
  static String host(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** Percent-encodes what URI refuses, including a {@code %} that starts no valid escape. */
  private static String escapeIllegal(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      boolean strayPercent =
          c == '%' && !(i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]));
      if (c > 0x20 && c < 0x7f && "\"<>\\^`{|} ".indexOf(c) < 0 && !strayPercent) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean hex(byte b) {
    return Character.digit(b, 16) >= 0;
  }
}
