package dev.bespoke.server.admin.variant;

import dev.bespoke.server.admin.support.Bodies;
import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.admin.support.Created;
import dev.bespoke.server.admin.support.Paging;
import dev.bespoke.server.admin.support.RollbackRequest;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.variant.Variant;
import dev.bespoke.store.variant.VariantService;
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

/** Variants of a slot; roles as for slots. */
@Path("/api/v1/admin/spaces/{space}/slots/{slot}/variants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class VariantResource {

  private final VariantService variants;
  private final Caller caller;

  public VariantResource(VariantService variants, Caller caller) {
    this.variants = variants;
    this.caller = caller;
  }

  @GET
  public Page<Variant> list(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return variants.list(space, slot, Optional.ofNullable(status), Paging.of(page, size));
  }

  @GET
  @Path("{key}")
  public Variant get(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key) {
    return variants.get(space, slot, key);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      Variant body,
      @Context UriInfo uri) {
    Variant created = variants.create(space, slot, Bodies.required(body), caller.name());
    return Created.at(uri, created.key(), created);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("{key}")
  public Variant update(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key,
      Variant body) {
    return variants.update(space, slot, key, Bodies.required(body), caller.name());
  }

  @DELETE
  @Path("{key}")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public void archive(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key) {
    variants.archive(space, slot, key, caller.name());
  }

  @POST
  @Path("{key}/submit")
  public Variant submit(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key) {
    return variants.submit(space, slot, key, caller.name());
  }

  @POST
  @Path("{key}/publish")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Variant publish(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key) {
    return variants.publish(space, slot, key, caller.name());
  }

  @POST
  @Path("{key}/unpublish")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Variant unpublish(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key) {
    return variants.unpublish(space, slot, key, caller.name());
  }

  @POST
  @Path("{key}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Variant rollback(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key,
      RollbackRequest body) {
    return variants.rollback(space, slot, key, RollbackRequest.versionOf(body), caller.name());
  }

  @GET
  @Path("{key}/versions")
  public Page<ContentVersion> versions(
      @PathParam("space") String space,
      @PathParam("slot") String slot,
      @PathParam("key") String key,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return variants.versions(space, slot, key, Paging.of(page, size));
  }
}
