package dev.bespoke.server.cms;

import dev.bespoke.cms.settings.CmsConnectorService;
import dev.bespoke.cms.settings.ConnectorConfig;
import dev.bespoke.cms.settings.ConnectorView;
import dev.bespoke.cms.sync.BulkImporter;
import dev.bespoke.cms.sync.SyncReport;
import dev.bespoke.server.admin.support.Bodies;
import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A space's CMS connectors: settings (secret, publish mode, field mapping) and bulk import. Admin
 * only: a connector's secret lets a CMS write content.
 */
@Path("/api/v1/admin/spaces/{space}/cms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "CMS connectors")
public class CmsAdminResource {

  private final CmsConnectorService connectors;
  private final BulkImporter importer;
  private final Caller caller;

  public CmsAdminResource(CmsConnectorService connectors, BulkImporter importer, Caller caller) {
    this.connectors = connectors;
    this.importer = importer;
    this.caller = caller;
  }

  @GET
  public List<ConnectorView> list(@PathParam("space") String space) {
    return connectors.list(space);
  }

  @GET
  @Path("{connector}")
  public ConnectorView get(
      @PathParam("space") String space, @PathParam("connector") String connector) {
    return connectors.get(space, connector);
  }

  @PUT
  @Path("{connector}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Configure a connector (creates it, or updates it with its version)")
  public ConnectorView put(
      @PathParam("space") String space,
      @PathParam("connector") String connector,
      ConnectorConfig body) {
    return connectors.put(space, connector, Bodies.required(body), caller.name());
  }

  @DELETE
  @Path("{connector}")
  @Operation(summary = "Disable a connector: its webhooks are refused from now on")
  public ConnectorView disable(
      @PathParam("space") String space, @PathParam("connector") String connector) {
    return connectors.disable(space, connector, caller.name());
  }

  @POST
  @Path("{connector}/import")
  @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Import an NDJSON export of entries",
      description =
          "One entry a line, in the connector's webhook shape. Idempotent like webhooks; each line"
              + " applies on its own and bad lines are listed in errors.")
  public SyncReport importEntries(
      @PathParam("space") String space,
      @PathParam("connector") String connector,
      InputStream body) {
    return importer.importNdjson(space, connector, body, caller.name());
  }
}
