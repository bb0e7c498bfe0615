package dev.bespoke.server.context.visitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the {@code bespoke_vid} cookie: {@code HttpOnly} (page scripts never need it), {@code
 * SameSite=Lax} (sent on top-level navigation, not on cross-site subrequests), {@code Path=/}, one
 * year by default, and {@code Secure} except when the request came to localhost, where browsers may
 * not use HTTPS during development.
 */
@ApplicationScoped
public class VisitorCookies {

  public static final String NAME = "bespoke_vid";

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  private final int maxAgeSeconds;

  public VisitorCookies(CookieConfig config) {
    this.maxAgeSeconds = (int) Math.min(Integer.MAX_VALUE, config.maxAge().toSeconds());
  }

  /** The cookie that carries {@code visitorId}; {@code requestHost} is the Host header. */
  public NewCookie issue(String visitorId, String requestHost) {
    return cookie(visitorId, maxAgeSeconds, requestHost);
  }

  /** A cookie that makes the browser drop {@code bespoke_vid} (after erasure). */
  public NewCookie expire(String requestHost) {
    return cookie("", 0, requestHost);
  }

  private static NewCookie cookie(String value, int maxAge, String requestHost) {
    return new NewCookie.Builder(NAME)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(!isLocalhost(requestHost))
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  /** Whether {@code host} (a Host header, port allowed) names this machine's loopback. */
  static boolean isLocalhost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      h = end < 0 ? h : h.substring(1, end);
    } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
      h = h.substring(0, h.indexOf(':'));
    }
    return LOCAL_HOSTS.contains(h);
  }
}
