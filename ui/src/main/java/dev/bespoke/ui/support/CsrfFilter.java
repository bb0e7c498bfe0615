package dev.bespoke.ui.support;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses every state-changing console request that a browser says comes from another origin,
 * before any resource runs; the token itself is checked by {@link CsrfInterceptor}. The admin API
 * is not touched.
 */
public class CsrfFilter {

  private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, "OPTIONS");

  @ServerRequestFilter
  public Response check(ResteasyReactiveContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (SAFE.contains(request.getMethod())
        || !(path.equals("/console") || path.startsWith("/console/"))) {
      return null;
    }
    if (!sameOrigin(request)) {
      return refuse("This request came from another site and was refused.");
    }
    return null;
  }

  /**
   * A browser names the origin of a cross-site POST; one that differs from ours is refused. Where
   * the Origin header is missing (older browsers, some privacy settings), the Referer is checked
   * the same way. A request with neither passes here; its token is still checked.
   */
  private static boolean sameOrigin(ResteasyReactiveContainerRequestContext request) {
    String host = request.getHeaderString(HttpHeaders.HOST);
    String origin = request.getHeaderString("Origin");
    if (origin != null && !origin.isBlank()) {
      return sameAuthority(origin, host);
    }
    String referer = request.getHeaderString("Referer");
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

  private static Response refuse(String message) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(ErrorPage.html("Request refused", message))
        .build();
  }
}
