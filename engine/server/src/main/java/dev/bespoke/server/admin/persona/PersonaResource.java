package dev.bespoke.server.admin.persona;

import dev.bespoke.server.admin.support.Bodies;
import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.admin.support.Created;
import dev.bespoke.server.admin.support.Paging;
import dev.bespoke.server.admin.support.RollbackRequest;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.persona.Persona;
import dev.bespoke.store.persona.PersonaService;
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

/**
 * Personas of a space: sample visitors for preview. Editors create and edit them; archive and
 * rollback are publisher actions, as for all content.
 */
@Path("/api/v1/admin/spaces/{space}/personas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class PersonaResource {

  private final PersonaService personas;
  private final Caller caller;

  public PersonaResource(PersonaService personas, Caller caller) {
    this.personas = personas;
    this.caller = caller;
  }

  @GET
  public Page<Persona> list(
      @PathParam("space") String space,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return personas.list(space, Paging.of(page, size));
  }

  @GET
  @Path("{key}")
  public Persona get(@PathParam("space") String space, @PathParam("key") String key) {
    return personas.get(space, key);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("space") String space, Persona body, @Context UriInfo uri) {
    Persona created = personas.create(space, Bodies.required(body), caller.name());
    return Created.at(uri, created.key(), created);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("{key}")
  public Persona update(
      @PathParam("space") String space, @PathParam("key") String key, Persona body) {
    return personas.update(space, key, Bodies.required(body), caller.name());
  }

  @DELETE
  @Path("{key}")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public void archive(@PathParam("space") String space, @PathParam("key") String key) {
    personas.archive(space, key, caller.name());
  }

  @POST
  @Path("{key}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Persona rollback(
      @PathParam("space") String space, @PathParam("key") String key, RollbackRequest body) {
    return personas.rollback(space, key, RollbackRequest.versionOf(body), caller.name());
  }

  @GET
  @Path("{key}/versions")
  public Page<ContentVersion> versions(
      @PathParam("space") String space,
      @PathParam("key") String key,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return personas.versions(space, key, Paging.of(page, size));
  }
}
