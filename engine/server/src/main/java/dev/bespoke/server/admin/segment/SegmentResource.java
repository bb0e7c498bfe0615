package dev.bespoke.server.admin.segment;

import dev.bespoke.server.admin.support.Bodies;
import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.admin.support.Created;
import dev.bespoke.server.admin.support.Paging;
import dev.bespoke.server.admin.support.RollbackRequest;
import dev.bespoke.server.reach.Overlap;
import dev.bespoke.server.reach.OverlapRequest;
import dev.bespoke.server.reach.Reach;
import dev.bespoke.server.reach.ReachRequest;
import dev.bespoke.server.reach.ReachService;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.segment.SegmentService;
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
 * Segments of a space. Editors edit and submit; publishers publish, and also archive and roll back,
 * since both change what visitors see.
 */
@Path("/api/v1/admin/spaces/{space}/segments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class SegmentResource {

  private final SegmentService segments;
  private final Caller caller;
  private final ReachService reach;

  public SegmentResource(SegmentService segments, Caller caller, ReachService reach) {
    this.segments = segments;
    this.caller = caller;
    this.reach = reach;
  }

  /**
   * Share of this node's recently seen visitors in the segment, for its saved rule or for an
   * unsaved {@code rule} in the body. Reading, so editors may ask.
   */
  @POST
  @Path("{key}/reach")
  @Consumes(MediaType.APPLICATION_JSON)
  public Reach reach(
      @PathParam("space") String space, @PathParam("key") String key, ReachRequest body) {
    return reach.reach(space, key, Optional.ofNullable(body).map(ReachRequest::rule));
  }

  /** Two segments over the same sample: the share in each and in both. */
  @POST
  @Path("reach")
  @Consumes(MediaType.APPLICATION_JSON)
  public Overlap overlap(@PathParam("space") String space, OverlapRequest body) {
    return reach.overlap(space, body);
  }

  @GET
  public Page<Segment> list(
      @PathParam("space") String space,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return segments.list(space, Optional.ofNullable(status), Paging.of(page, size));
  }

  @GET
  @Path("{key}")
  public Segment get(@PathParam("space") String space, @PathParam("key") String key) {
    return segments.get(space, key);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("space") String space, Segment body, @Context UriInfo uri) {
    Segment created = segments.create(space, Bodies.required(body), caller.name());
    return Created.at(uri, created.key(), created);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("{key}")
  public Segment update(
      @PathParam("space") String space, @PathParam("key") String key, Segment body) {
    return segments.update(space, key, Bodies.required(body), caller.name());
  }

  @DELETE
  @Path("{key}")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public void archive(@PathParam("space") String space, @PathParam("key") String key) {
    segments.archive(space, key, caller.name());
  }

  @POST
  @Path("{key}/submit")
  public Segment submit(@PathParam("space") String space, @PathParam("key") String key) {
    return segments.submit(space, key, caller.name());
  }

  @POST
  @Path("{key}/publish")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Segment publish(@PathParam("space") String space, @PathParam("key") String key) {
    return segments.publish(space, key, caller.name());
  }

  @POST
  @Path("{key}/unpublish")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Segment unpublish(@PathParam("space") String space, @PathParam("key") String key) {
    return segments.unpublish(space, key, caller.name());
  }

  @POST
  @Path("{key}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Segment rollback(
      @PathParam("space") String space, @PathParam("key") String key, RollbackRequest body) {
    return segments.rollback(space, key, RollbackRequest.versionOf(body), caller.name());
  }

  @GET
  @Path("{key}/versions")
  public Page<ContentVersion> versions(
      @PathParam("space") String space,
      @PathParam("key") String key,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return segments.versions(space, key, Paging.of(page, size));
  }
}
