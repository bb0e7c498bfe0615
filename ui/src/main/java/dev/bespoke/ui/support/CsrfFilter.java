package dev.bespoke.ui.support;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

  private static boolean sameOrigin(ResteasyReactiveContainerRequestContext request) {
    return SameOrigin.of(
        request.getHeaderString(HttpHeaders.HOST),
        request.getHeaderString("Origin"),
        request.getHeaderString("Referer"));
  }

  private static Response refuse(String message) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(ErrorPage.html("Request refused", message))
        .build();
  }
}
