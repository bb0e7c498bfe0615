package dev.bespoke.server.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks HTTP Basic (and console form) credentials against the configured users. */
@ApplicationScoped
public class ConfiguredUserIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  private final UserDirectory users;

  public ConfiguredUserIdentityProvider(UserDirectory users) {
    this.users = users;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    // bcrypt blocks for tens of milliseconds: keep it off the event loop.
    return context.runBlocking(
        () ->
            users
                .authenticate(request.getUsername(), request.getPassword().getPassword())
                .map(ConfiguredUserIdentityProvider::identityOf)
                .orElseThrow(AuthenticationFailedException::new));
  }

  static SecurityIdentity identityOf(UserDirectory.Account account) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.name()))
        .addRoles(account.role().grantedRoleNames())
        .build();
  }
}
