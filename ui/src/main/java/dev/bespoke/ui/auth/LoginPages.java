package dev.bespoke.ui.auth;

import dev.bespoke.ui.support.ConsoleUser;
import dev.bespoke.ui.support.CsrfChecked;
import dev.bespoke.ui.support.CsrfTokens;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The sign-in page and sign-out. The page posts to Quarkus's form authentication, which issues a
 * new encrypted session cookie at every sign-in (and the server a new session mark beside it); the
 * page itself issues a new CSRF session value, so nothing from before the sign-in survives it.
 * Signing out clears the cookies and fires {@link SignedOut}, so the server revokes the session.
 */
@Path("/console")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

  /** Quarkus's form-authentication cookie; see the Console section of application.properties. */
  public static final String SESSION_COOKIE = "bespoke_console";

  /**
   * The signed mark issued beside the session cookie at sign-in: who signed in, when, and a random
   * session id that sign-out revokes (see the server's console session guard).
   */
  public static final String MARK_COOKIE = "bespoke_console_sid";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(boolean failed, boolean signedOut);
  }

  private final CsrfTokens tokens;
  private final ConsoleUser user;
  private final Event<SignedOut> signedOut;

  public LoginPages(CsrfTokens tokens, ConsoleUser user, Event<SignedOut> signedOut) {
    this.tokens = tokens;
    this.user = user;
    this.signedOut = signedOut;
  }

  @GET
  @Path("login")
  public Response login(@Context UriInfo uri) {
    return page(uri, false, uri.getQueryParameters().containsKey("signed-out"));
  }

  @GET
  @Path("login-error")
  public Response loginError(@Context UriInfo uri) {
    return page(uri, true, false);
  }

  @POST
  @Path("logout")
  public Response logout(
      @Context UriInfo uri,
      @CookieParam(MARK_COOKIE) String mark,
      @RestForm(CsrfTokens.FIELD) String csrf) {
    // Revoke first: if that fails, the editor sees an error rather than a false "signed out".
    signedOut.fire(new SignedOut(user.name(), mark));
    boolean secure = "https".equals(uri.getBaseUri().getScheme());
    NewCookie csrfCookie = new NewCookie.Builder(tokens.cookie("", secure)).maxAge(0).build();
    return Response.seeOther(URI.create("/console/login?signed-out"))
        .cookie(expired(SESSION_COOKIE, secure), expired(MARK_COOKIE, secure), csrfCookie)
        .build();
  }

  private static NewCookie expired(String name, boolean secure) {
    return new NewCookie.Builder(name)
        .value("")
        .path("/console")
        .maxAge(0)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  private Response page(UriInfo uri, boolean failed, boolean signedOut) {
    boolean secure = "https".equals(uri.getBaseUri().getScheme());
    return Response.ok(Templates.login(failed, signedOut))
        .cookie(tokens.cookie(tokens.newSessionValue(), secure))
        .header("Cache-Control", "no-store")
        .build();
  }
}
