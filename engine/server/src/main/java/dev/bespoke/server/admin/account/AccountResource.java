package dev.bespoke.server.admin.account;

import dev.bespoke.server.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/v1/admin/account}: the caller's name and roles, so that a CMS integration or the
 * console can show only the actions the user may take.
 */
@Path("/api/v1/admin/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  private final SecurityIdentity identity;

  public AccountResource(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  @RolesAllowed(Role.EDITOR_NAME)
  public Account get() {
    List<String> roles =
        identity.getRoles().stream()
            .sorted((a, b) -> Role.parse(a).compareTo(Role.parse(b)))
            .toList();
    return new Account(identity.getPrincipal().getName(), roles);
  }

  /** The wire shape of the caller's account. */
  public record Account(String name, List<String> roles) {}
}
