package dev.bespoke.server.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks HTTP Basic (and console form) credentials against the configured users. */
@ApplicationScoped
public class ConfiguredUserIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  private final UserDirectory users;
  private final LoginThrottle throttle;
  private final ConsoleSessions sessions;

  public ConfiguredUserIdentityProvider(
      UserDirectory users, LoginThrottle throttle, ConsoleSessions sessions) {
    this.users = users;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    String name = request.getUsername();
    long wait = throttle.waitFor(name);
    if (wait > 0) {
      return Uni.createFrom().failure(new LoginThrottledException(wait));
    }
    // bcrypt blocks for tens of milliseconds: keep it off the event loop.
    return context.runBlocking(
        () -> {
          var account = users.authenticate(name, request.getPassword().getPassword());
          if (account.isEmpty()) {
            throttle.failed(name);
            throw new AuthenticationFailedException();
          }
          throttle.succeeded(name);
          sessions.signedIn(
              HttpSecurityUtils.getRoutingContextAttribute(request), account.get().name());
          return identityOf(account.get());
        });
  }

  static SecurityIdentity identityOf(UserDirectory.Account account) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.name()))
        .addRoles(account.role().grantedRoleNames())
        .build();
  }
}
