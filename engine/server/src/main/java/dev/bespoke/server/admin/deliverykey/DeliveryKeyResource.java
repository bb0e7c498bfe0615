package dev.bespoke.server.admin.deliverykey;

import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.deliverykey.DeliveryKey;
import dev.bespoke.store.deliverykey.DeliveryKeyRequest;
import dev.bespoke.store.deliverykey.DeliveryKeyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /api/v1/admin/spaces/{space}/delivery-keys}: admins create keys for pages and apps (the
 * key is shown once, in the 201 answer), list them and revoke them. Revoked keys stop working on
 * every node within the snapshot poll interval.
 */
@Path("/api/v1/admin/spaces/{space}/delivery-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class DeliveryKeyResource {

  private final DeliveryKeyService keys;
  private final Caller caller;

  public DeliveryKeyResource(DeliveryKeyService keys, Caller caller) {
    this.keys = keys;
    this.caller = caller;
  }

  @GET
  public List<DeliveryKey> list(@PathParam("space") String space) {
    return keys.list(space);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("space") String space, DeliveryKeyRequest body, @Context UriInfo uri) {
    DeliveryKey created = keys.create(space, body, caller.name());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @DELETE
  @Path("{id}")
  public DeliveryKey revoke(@PathParam("space") String space, @PathParam("id") String id) {
    return keys.revoke(space, id, caller.name());
  }
}
