package dev.bespoke.server.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the console user from the encrypted form-authentication cookie, which names the user but
 * carries no roles: roles are read from the configured accounts on every request, so a changed role
 * or a removed user takes effect at once. The session must also pass {@link ConsoleSessions} (its
 * mark, its age, not signed out), which reads the database: hence off the event loop.
 */
@ApplicationScoped
public class SessionUserIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

  private final UserDirectory users;
  private final ConsoleSessions sessions;

  public SessionUserIdentityProvider(UserDirectory users, ConsoleSessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
    return context.runBlocking(
        () -> {
          UserDirectory.Account account =
              users
                  .find(request.getPrincipal())
                  .orElseThrow(() -> sessions.refuse(http, "names a user who no longer exists"));
          sessions.admit(http, account.name());
          return ConfiguredUserIdentityProvider.identityOf(account);
        });
  }
}
