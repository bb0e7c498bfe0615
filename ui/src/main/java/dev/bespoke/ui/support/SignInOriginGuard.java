package dev.bespoke.ui.support;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a sign-in form posted from another site. Quarkus handles {@code j_security_check} itself,
 * before any resource filter, so {@link CsrfFilter} never sees it; without this a page elsewhere
 * could sign a visitor's browser into an account of the attacker's choosing (login CSRF) and watch
 * what they then type into the console.
 */
@ApplicationScoped
public class SignInOriginGuard {

  static final String SIGN_IN = "/console/j_security_check";

  /** Quarkus' HTTP filters run at minus their priority (CORS at -300): this runs before them. */
  static final int ORDER = -1_000;

  void install(@Observes Router router) {
    router.post(SIGN_IN).order(ORDER).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (SameOrigin.of(
        request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"))) {
      ctx.next();
      return;
    }
    ctx.response()
        .setStatusCode(403)
        .putHeader("Content-Type", "text/html;charset=UTF-8")
        .putHeader("Cache-Control", "no-store")
        .end(
            ErrorPage.html(
                "Sign-in refused", "This sign-in came from another site and was refused."));
  }
}
