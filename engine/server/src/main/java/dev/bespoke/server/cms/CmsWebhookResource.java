package dev.bespoke.server.cms;

import dev.bespoke.cms.connector.WebhookRequest;
import dev.bespoke.cms.sync.BoundedBody;
import dev.bespoke.cms.sync.SyncReport;
import dev.bespoke.cms.sync.WebhookReceiver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhooks from CMSes. Public: each request proves itself with the space's signature or token. The
 * body is taken as raw bytes because signatures cover the bytes, not a re-serialisation.
 */
@Path("/cms/{connector}/{space}/webhook")
@Tag(name = "CMS webhooks")
public class CmsWebhookResource {

  private final WebhookReceiver receiver;

  public CmsWebhookResource(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Receive a CMS webhook",
      description =
          "connector is contentful, strapi or generic. 200 with what each entry event did; 401 when"
              + " the signature, timestamp or token does not verify; 400 naming missing parts;"
              + " 413 over 1 MiB.")
  public SyncReport receive(
      @PathParam("connector") String connector,
      @PathParam("space") String space,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body) {
    byte[] bytes = BoundedBody.read(body, contentLength, BoundedBody.WEBHOOK_LIMIT);
    URI requested = uri.getRequestUri();
    String path =
        requested.getRawPath()
            + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
    WebhookRequest request = new WebhookRequest("POST", path, headers.getRequestHeaders(), bytes);
    return receiver.receive(connector, space, request);
  }
}
