package dev.bespoke.server.admin.slot;

import dev.bespoke.server.admin.support.Bodies;
import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.admin.support.Created;
import dev.bespoke.server.admin.support.Paging;
import dev.bespoke.server.admin.support.RollbackRequest;
import dev.bespoke.server.security.Role;
import dev.bespoke.server.snapshot.EditorTemplates;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.slot.SlotService;
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
import java.util.Optional;

/**
 * Slots of a space. Editors edit and submit; publishers publish, and also archive and roll back,
 * since both change what visitors see.
 */
@Path("/api/v1/admin/spaces/{space}/slots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class SlotResource {

  private final SlotService slots;
  private final Caller caller;
  private final EditorTemplates templates;

  public SlotResource(SlotService slots, Caller caller, EditorTemplates templates) {
    this.slots = slots;
    this.caller = caller;
    this.templates = templates;
  }

  @GET
  public Page<Slot> list(
      @PathParam("space") String space,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return slots.list(space, Optional.ofNullable(status), Paging.of(page, size));
  }

  @GET
  @Path("{key}")
  public Slot get(@PathParam("space") String space, @PathParam("key") String key) {
    return slots.get(space, key);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("space") String space, Slot body, @Context UriInfo uri) {
    templates.check(Bodies.required(body).template());
    Slot created = slots.create(space, body, caller.name());
    return Created.at(uri, created.key(), created);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("{key}")
  public Slot update(@PathParam("space") String space, @PathParam("key") String key, Slot body) {
    templates.check(Bodies.required(body).template());
    return slots.update(space, key, body, caller.name());
  }

  @DELETE
  @Path("{key}")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public void archive(@PathParam("space") String space, @PathParam("key") String key) {
    slots.archive(space, key, caller.name());
  }

  @POST
  @Path("{key}/submit")
  public Slot submit(@PathParam("space") String space, @PathParam("key") String key) {
    return slots.submit(space, key, caller.name());
  }

  @POST
  @Path("{key}/publish")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Slot publish(@PathParam("space") String space, @PathParam("key") String key) {
    return slots.publish(space, key, caller.name());
  }

  @POST
  @Path("{key}/unpublish")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Slot unpublish(@PathParam("space") String space, @PathParam("key") String key) {
    return slots.unpublish(space, key, caller.name());
  }

  @POST
  @Path("{key}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Slot rollback(
      @PathParam("space") String space, @PathParam("key") String key, RollbackRequest body) {
    return slots.rollback(space, key, RollbackRequest.versionOf(body), caller.name());
  }

  @GET
  @Path("{key}/versions")
  public Page<ContentVersion> versions(
      @PathParam("space") String space,
      @PathParam("key") String key,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return slots.versions(space, key, Paging.of(page, size));
  }
}
