package dev.bespoke.server.security;

import dev.bespoke.ui.auth.LoginPages;
import dev.bespoke.ui.auth.SignedOut;
import dev.bespoke.ui.support.ConsoleConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes a console sign-out final. Quarkus's form-authentication cookie is a self-contained
 * encrypted token: clearing it in the browser does not stop a copy of it from working until its
 * idle timeout. So every sign-in also gets a signed session mark (cookie {@value
 * LoginPages#MARK_COOKIE}) naming the user, the time and a random session id; every request
 * restored from the session cookie must carry a valid mark of the same user, younger than {@code
 * bespoke.console.session-max-age}, whose session id has not been signed out. A sign-out records
 * the id in {@link ConsoleSessionRevocations}, shared by all nodes.
 */
@ApplicationScoped
public class ConsoleSessions {

  private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);

  private final ConsoleSessionMarks marks;
  private final ConsoleSessionRevocations revocations;
  private final ConsoleConfig config;
  private final Clock clock;
  private final String signInPath;
  private final String cookiePath;

  public ConsoleSessions(
      ConsoleSessionMarks marks,
      ConsoleSessionRevocations revocations,
      ConsoleConfig config,
      Clock clock,
      @ConfigProperty(name = "quarkus.http.auth.form.post-location") String signInPath,
      @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/")
          String cookiePath) {
    this.marks = marks;
    this.revocations = revocations;
    this.config = config;
    this.clock = clock;
    this.signInPath = signInPath;
    this.cookiePath = cookiePath;
  }

  /**
   * After a password check succeeded: if it was the console's sign-in form, the answer (which
   * Quarkus completes with a new session cookie) also carries a new mark.
   */
  public void signedIn(RoutingContext request, String user) {
    if (request == null
        || !HttpMethod.POST.equals(request.request().method())
        || !signInPath.equals(request.normalizedPath())) {
      return;
    }
    // No Max-Age: a browser-session cookie, like Quarkus's own session cookie.
    request.response().addCookie(cookie(marks.issue(user, clock.instant()), request));
  }

  /**
   * On every request whose user was restored from the session cookie.
   *
   * @throws AuthenticationFailedException when the session is not, or no longer, valid: the request
   *     is then treated as not signed in (a page redirects to the sign-in form), and the answer
   *     clears both cookies
   */
  public void admit(RoutingContext request, String user) {
    String refusal = refusal(request, user);
    if (refusal != null) {
      throw refuse(request, refusal);
    }
  }

  /**
   * Ends the session of this request: the answer clears both cookies, so that the sign-in page the
   * browser is sent to does not meet the same cookie again.
   */
  public AuthenticationFailedException refuse(RoutingContext request, String refusal) {
    LOG.debugf("console session refused: %s", refusal);
    if (request != null) {
      request.response().addCookie(cookie("", request).setMaxAge(0));
      request
          .response()
          .addCookie(
              Cookie.cookie(LoginPages.SESSION_COOKIE, "")
                  .setPath(cookiePath)
                  .setHttpOnly(true)
                  .setSameSite(CookieSameSite.STRICT)
                  .setSecure(request.request().isSSL())
                  .setMaxAge(0));
    }
    return new AuthenticationFailedException("console session " + refusal);
  }

  private String refusal(RoutingContext request, String user) {
    if (request == null) {
      return "without a request";
    }
    Cookie cookie = request.request().getCookie(LoginPages.MARK_COOKIE);
    Optional<ConsoleSessionMarks.Mark> mark =
        cookie == null ? Optional.empty() : marks.read(cookie.getValue());
    if (mark.isEmpty()) {
      return "has no valid mark";
    }
    if (!mark.get().user().equals(user)) {
      return "mark belongs to another user";
    }
    if (keepUntil(mark.get()).isBefore(clock.instant())) {
      return "is older than the maximum session age";
    }
    if (revocations.revoked(mark.get().sessionId())) {
      return "was signed out";
    }
    return null;
  }

  /** Sign-out: the session id is refused from now on, on every node. */
  void onSignOut(@Observes SignedOut event) {
    marks
        .read(event.sessionMark())
        .filter(mark -> mark.user().equals(event.user()))
        .ifPresent(
            mark ->
                revocations.revoke(
                    mark.sessionId(), mark.user(), keepUntil(mark), clock.instant()));
  }

  private Instant keepUntil(ConsoleSessionMarks.Mark mark) {
    return mark.signedInAt().plus(config.sessionMaxAge());
  }

  private Cookie cookie(String value, RoutingContext request) {
    return Cookie.cookie(LoginPages.MARK_COOKIE, value)
        .setPath(cookiePath)
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(request.request().isSSL());
  }
}
