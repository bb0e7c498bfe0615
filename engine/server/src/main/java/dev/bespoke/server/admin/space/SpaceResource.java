package dev.bespoke.server.admin.space;

import dev.bespoke.server.admin.support.Bodies;
import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.admin.support.Created;
import dev.bespoke.server.admin.support.Paging;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.space.Space;
import dev.bespoke.store.space.SpaceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Spaces. Editors need to see which spaces exist; only admins may change them. */
@Path("/api/v1/admin/spaces")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class SpaceResource {

  private final SpaceService spaces;
  private final Caller caller;

  public SpaceResource(SpaceService spaces, Caller caller) {
    this.spaces = spaces;
    this.caller = caller;
  }

  @GET
  @RolesAllowed(Role.EDITOR_NAME)
  public Page<Space> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return spaces.list(Paging.of(page, size));
  }

  @GET
  @Path("{key}")
  @RolesAllowed(Role.EDITOR_NAME)
  public Space get(@PathParam("key") String key) {
    return spaces.get(key);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(Space body, @Context UriInfo uri) {
    Space created = spaces.create(Bodies.required(body), caller.name());
    return Created.at(uri, created.key(), created);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("{key}")
  public Space update(@PathParam("key") String key, Space body) {
    return spaces.update(key, Bodies.required(body), caller.name());
  }

  @DELETE
  @Path("{key}")
  public void archive(@PathParam("key") String key) {
    spaces.archive(key, caller.name());
  }
}
