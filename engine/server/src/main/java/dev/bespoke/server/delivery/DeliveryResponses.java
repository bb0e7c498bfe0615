package dev.bespoke.server.delivery;

import dev.bespoke.server.context.visitor.VisitorCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The headers every delivery answer carries: the visitor cookie and the cache headers. */
@ApplicationScoped
public class DeliveryResponses {

  /** Names the segment combination of a cacheable answer so a CDN can key on it. */
  public static final String CACHE_KEY_HEADER = "Bespoke-Cache-Key";

  private final VisitorCookies cookies;

  public DeliveryResponses(VisitorCookies cookies) {
    this.cookies = cookies;
  }

  Response.ResponseBuilder decorate(
      Response.ResponseBuilder response, Delivery delivery, String host) {
    if (delivery.expireCookie()) {
      response.cookie(cookies.expire(host));
    } else if (delivery.resolved().setCookie()) {
      response.cookie(cookies.issue(delivery.resolved().visitorId(), host));
    }
    delivery
        .cacheKey()
        .ifPresentOrElse(
            key ->
                response
                    .header(HttpHeaders.CACHE_CONTROL, "private, max-age=60")
                    .header(CACHE_KEY_HEADER, key)
                    .header(HttpHeaders.VARY, "Cookie"),
            () -> response.header(HttpHeaders.CACHE_CONTROL, "private, no-store"));
    return response;
  }
}
