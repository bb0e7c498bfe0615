package dev.bespoke.server.admin.simulate;

import dev.bespoke.server.security.Role;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/v1/admin/spaces/{space}/simulate}: decisions for a described visitor; with
 * {@code ?drafts=true}, on the drafts and changes in review as if they were published.
 */
@Path("/api/v1/admin/spaces/{space}/simulate")
@RolesAllowed(Role.EDITOR_NAME)
public class SimulationResource {

  private final SimulationService simulations;

  public SimulationResource(SimulationService simulations) {
    this.simulations = simulations;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Blocking
  public Uni<SimulationResponse> simulate(
      @PathParam("space") String space,
      @QueryParam("drafts") boolean drafts,
      SimulationRequest request) {
    return simulations.simulate(space, request, drafts);
  }
}
