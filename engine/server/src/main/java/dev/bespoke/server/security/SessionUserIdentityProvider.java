package dev.bespoke.server.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the console user from the encrypted form-authentication cookie, which names the user but
 * carries no roles: roles are read from the configured accounts on every request, so a changed role
 * or a removed user takes effect at once.
 */
@ApplicationScoped
public class SessionUserIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

  private final UserDirectory users;

  public SessionUserIdentityProvider(UserDirectory users) {
    this.users = users;
  }

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    return Uni.createFrom()
        .item(
            () ->
                users
                    .find(request.getPrincipal())
                    .map(ConfiguredUserIdentityProvider::identityOf)
                    .orElseThrow(AuthenticationFailedException::new));
  }
}
