package dev.bespoke.server.profile.rest;

import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.profile.service.ProfileService;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.space.SpaceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;

/**
 * Admins look up and erase a visitor's profile by its visitor id (for a data subject's request made
 * through another channel). Erasure leaves a tombstone, as {@code DELETE /api/v1/me} does.
 */
@Path("/api/v1/admin/spaces/{space}/profiles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ProfileAdminResource {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ProfileService profiles;
  private final SpaceService spaces;
  private final Duration halfLife;
  private final Clock clock;

  public ProfileAdminResource(
      ProfileService profiles, SpaceService spaces, ProfileConfig config, Clock clock) {
    this.profiles = profiles;
    this.spaces = spaces;
    this.halfLife = config.scoreHalfLife();
    this.clock = clock;
  }

  @GET
  @Path("{visitorId}")
  public ProfileView get(
      @PathParam("space") String space, @PathParam("visitorId") String visitorId) {
    ProfileRead read =
        profiles
            .find(key(space, visitorId))
            .await()
            .atMost(WAIT)
            .filter(r -> r.profile().isPresent())
            .orElseThrow(ProfileAdminResource::notFound);
    return ProfileView.of(read.profile().get(), clock.instant(), halfLife);
  }

  @DELETE
  @Path("{visitorId}")
  public void erase(@PathParam("space") String space, @PathParam("visitorId") String visitorId) {
    profiles.erase(key(space, visitorId)).await().atMost(WAIT);
  }

  private ProfileKey key(String space, String visitorId) {
    spaces.get(space);
    if (!ProfileKey.isVisitorId(visitorId)) {
      throw notFound();
    }
    return ProfileKey.visitor(space, visitorId);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("profile", "of this visitor");
  }
}
