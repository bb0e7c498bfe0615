package dev.bespoke.server.admin.audit;

import dev.bespoke.server.admin.support.Paging;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.history.AuditEntry;
import dev.bespoke.store.history.AuditFilter;
import dev.bespoke.store.history.History;
import dev.bespoke.store.space.SpaceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Who changed what, when. Editors may read it: review works better when everyone can see the
 * history of what they review.
 */
@Path("/api/v1/admin/spaces/{space}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class AuditResource {

  private final History history;
  private final SpaceService spaces;

  public AuditResource(History history, SpaceService spaces) {
    this.history = history;
    this.spaces = spaces;
  }

  @GET
  public Page<AuditEntry> list(
      @PathParam("space") String space,
      @QueryParam("entityType") String entityType,
      @QueryParam("entityKey") String entityKey,
      @QueryParam("actor") String actor,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    var paging = Paging.of(page, size);
    // The trail outlives its subjects, but an unknown space is still a 404, not an empty page.
    spaces.get(space);
    var filter =
        new AuditFilter(
            Optional.ofNullable(entityType),
            Optional.ofNullable(entityKey),
            Optional.ofNullable(actor));
    return history.audit(space, filter, paging);
  }
}
