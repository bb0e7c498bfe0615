package dev.bespoke.ui.auth;

import dev.bespoke.ui.support.CsrfChecked;
import dev.bespoke.ui.support.CsrfTokens;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
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
 * new encrypted session cookie at every sign-in; the page itself issues a new CSRF session value,
 * so nothing from before the sign-in survives it.
 */
@Path("/console")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

  /** Quarkus's form-authentication cookie; see the Console section of application.properties. */
  static final String SESSION_COOKIE = "bespoke_console";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(boolean failed, boolean signedOut);
  }

  private final CsrfTokens tokens;

  public LoginPages(CsrfTokens tokens) {
    this.tokens = tokens;
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
  public Response logout(@Context UriInfo uri, @RestForm(CsrfTokens.FIELD) String csrf) {
    boolean secure = "https".equals(uri.getBaseUri().getScheme());
    NewCookie session =
        new NewCookie.Builder(SESSION_COOKIE)
            .value("")
            .path("/console")
            .maxAge(0)
            .httpOnly(true)
            .secure(secure)
            .sameSite(NewCookie.SameSite.STRICT)
            .build();
    NewCookie csrfCookie = new NewCookie.Builder(tokens.cookie("", secure)).maxAge(0).build();
    return Response.seeOther(URI.create("/console/login?signed-out"))
        .cookie(session, csrfCookie)
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
