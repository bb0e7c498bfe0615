package dev.bespoke.server.admin.support;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated user, named in the audit trail of every change they make. */
@RequestScoped
public class Caller {

  private final SecurityIdentity identity;

  public Caller(SecurityIdentity identity) {
    this.identity = identity;
  }

  public String name() {
    return identity.getPrincipal().getName();
  }
}
