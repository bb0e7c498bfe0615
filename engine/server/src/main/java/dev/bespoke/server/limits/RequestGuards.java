package dev.bespoke.server.limits;

import dev.bespoke.server.problem.ProblemResponses;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Refuses, before any body is read or any work is done, what the public APIs will not take: a body
 * over the API's limit (413 by its {@code Content-Length}) and, when rate limiting is on, a client
 * over its rate (429 with {@code Retry-After}). Admin paths are not touched: they are behind
 * authentication, and login throttling guards them. A chunked body without a length is still
 * bounded by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class RequestGuards {

  private static final Logger LOG = Logger.getLogger(RequestGuards.class);

  /** Runs before Quarkus REST's own route. */
  static final int ORDER = -100;

  private final LimitsConfig config;
  private final ClientAddresses clients;
  private final ProblemResponses problems;
  private final RateLimiter limiter;

  public RequestGuards(LimitsConfig config, ClientAddresses clients, ProblemResponses problems) {
    this.config = config;
    this.clients = clients;
    this.problems = problems;
    LimitsConfig.Rate rate = config.rate();
    this.limiter =
        rate.enabled()
            ? new RateLimiter(rate.perSecond(), rate.burst(), rate.maxClients(), System::nanoTime)
            : null;
  }

  void install(@Observes Router router) {
    router.route("/api/v1/*").order(ORDER).handler(this::guard);
  }

  void log(@Observes StartupEvent started) {
    if (limiter != null) {
      LOG.infof(
          "rate limiting the delivery and events APIs at %d/s (burst %d) per client",
          config.rate().perSecond(), config.rate().burst());
    }
  }

  private void guard(RoutingContext ctx) {
    PublicApi api = PublicApi.of(ctx.normalizedPath());
    if (api == PublicApi.NONE) {
      ctx.next();
      return;
    }
    long max =
        api == PublicApi.EVENTS
            ? config.eventsBodySize().asLongValue()
            : config.deliveryBodySize().asLongValue();
    long length = contentLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
    if (length > max) {
      refuse(
          ctx,
          413,
          "Content Too Large",
          "too-large",
          "the body exceeds the limit of " + max + " bytes for this API",
          0);
      return;
    }
    if (limiter != null) {
      String client =
          clients.client(
              ctx.request().remoteAddress() == null
                  ? null
                  : ctx.request().remoteAddress().hostAddress(),
              ctx.request().headers().getAll("X-Forwarded-For"));
      long wait = limiter.acquire(client == null ? "" : client);
      if (wait > 0) {
        refuse(
            ctx,
            429,
            "Too Many Requests",
            "rate-limited",
            "too many requests from this client; retry after " + wait + " s",
            wait);
        return;
      }
    }
    ctx.next();
  }

  private void refuse(
      RoutingContext ctx, int status, String title, String slug, String detail, long retryAfter) {
    var response = ctx.response().setStatusCode(status);
    response.putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
    response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (retryAfter > 0) {
      response.putHeader("Retry-After", Long.toString(retryAfter));
    }
    response.end(problems.body(status, title, slug, detail, ctx.normalizedPath()));
  }

  private static long contentLength(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Which public API a path belongs to. */
  enum PublicApi {
    DELIVERY,
    EVENTS,
    NONE;

    static PublicApi of(String path) {
      if (path == null || path.startsWith("/api/v1/admin")) {
        return NONE;
      }
      if (path.equals("/api/v1/events") || path.startsWith("/api/v1/events/")) {
        return EVENTS;
      }
      if (path.startsWith("/api/v1/decisions")
          || path.startsWith("/api/v1/slots/")
          || path.startsWith("/api/v1/me")) {
        return DELIVERY;
      }
      return NONE;
    }
  }
}
