package dev.bespoke.ui.support;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/** The signed-in editor of this request: name, role and the CSRF token for their forms. */
@RequestScoped
public class ConsoleUser {

  private final SecurityIdentity identity;
  private final HttpHeaders headers;
  private final CsrfTokens tokens;

  public ConsoleUser(SecurityIdentity identity, HttpHeaders headers, CsrfTokens tokens) {
    this.identity = identity;
    this.headers = headers;
    this.tokens = tokens;
  }

  public String name() {
    return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
  }

  /** Roles nest (a publisher is also an editor), so one check per action is enough. */
  public boolean publisher() {
    return identity.hasRole("publisher");
  }

  public boolean admin() {
    return identity.hasRole("admin");
  }

  public String roleName() {
    return admin() ? "admin" : publisher() ? "publisher" : "editor";
  }

  public String sessionValue() {
    Cookie cookie = headers.getCookies().get(CsrfTokens.COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  public String csrf() {
    return tokens.tokenFor(sessionValue(), name());
  }

  /** The page chrome every template gets: who is signed in, what they may do, the token. */
  public Chrome chrome(String section, String title) {
    return new Chrome(name(), roleName(), publisher(), admin(), csrf(), section, title);
  }

  /** Stops an action the user's role does not allow; rendered as a 403 page. */
  public void requirePublisher() {
    if (!publisher()) {
      throw new ConsoleForbiddenException(
          "Publishing, rollbacks and experiments need a publisher.");
    }
  }

  /** Stops what only an admin may do (a CMS connector's secret lets that CMS write content). */
  public void requireAdmin() {
    if (!admin()) {
      throw new ConsoleForbiddenException("CMS connector settings need an admin.");
    }
  }
}
