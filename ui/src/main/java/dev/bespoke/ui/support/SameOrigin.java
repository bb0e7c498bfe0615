package dev.bespoke.ui.support;

import java.net.URI;

/**
 * Whether a browser's request comes from the console's own origin, by the headers browsers set and
 * pages cannot forge: {@code Origin}, or {@code Referer} where Origin is missing (older browsers,
 * some privacy settings). A request with neither passes; forms still carry a token.
 */
public final class SameOrigin {

  private SameOrigin() {}

  /**
   * @param host the request's Host header
   * @param origin its Origin header, possibly null
   * @param referer its Referer header, possibly null
   */
  public static boolean of(String host, String origin, String referer) {
    if (origin != null && !origin.isBlank()) {
      return sameAuthority(origin, host);
    }
    if (referer != null && !referer.isBlank()) {
      return sameAuthority(referer, host);
    }
    return true;
  }

  /** Whether a URL (an origin, or a whole Referer) names our host and port. */
  private static boolean sameAuthority(String url, String host) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getHost() == null) {
        return false; // "null" (a sandboxed or opaque origin) or no authority at all
      }
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
