package dev.bespoke.server.delivery.cors;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Answers CORS for the delivery paths and the configured origins only. Quarkus' own CORS filter
 * would apply to every path, the admin API and the console included; those must stay same-origin.
 */
@ApplicationScoped
public class DeliveryCors {

  static final List<String> PATHS =
      List.of("/api/v1/decisions", "/api/v1/events", "/api/v1/me", "/api/v1/slots/");
  static final String METHODS = "GET, POST, PUT, DELETE";
  static final String HEADERS = "Content-Type, X-Bespoke-Key, Authorization";

  private final Set<String> origins;

  public DeliveryCors(CorsConfig config) {
    this.origins = Set.copyOf(config.corsOrigins().orElse(List.of()));
  }

  void install(@Observes Router router) {
    if (!origins.isEmpty()) {
      router.route().order(-100).handler(this::handle);
    }
  }

  void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null || !origins.contains(origin) || !isDeliveryPath(ctx.normalizedPath())) {
      ctx.next();
      return;
    }
    ctx.response()
        .putHeader("Access-Control-Allow-Origin", origin)
        .putHeader("Access-Control-Allow-Credentials", "true")
        .putHeader("Access-Control-Expose-Headers", "Bespoke-Decision-Id, Bespoke-Fallback")
        .putHeader("Vary", "Origin");
    boolean preflight =
        ctx.request().method() == HttpMethod.OPTIONS
            && ctx.request().getHeader("Access-Control-Request-Method") != null;
    if (preflight) {
      ctx.response()
          .setStatusCode(204)
          .putHeader("Access-Control-Allow-Methods", METHODS)
          .putHeader("Access-Control-Allow-Headers", HEADERS)
          .putHeader("Access-Control-Max-Age", "600")
          .end();
      return;
    }
    ctx.next();
  }

  static boolean isDeliveryPath(String path) {
    if (path == null) {
      return false;
    }
    for (String prefix : PATHS) {
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return true;
      }
    }
    return false;
  }
}
