package dev.bespoke.ui.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.StaleVersionException;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.ui.spi.CmsSettings;
import dev.bespoke.ui.support.Chrome;
import dev.bespoke.ui.support.ConsoleConfig;
import dev.bespoke.ui.support.ConsoleUser;
import dev.bespoke.ui.support.CsrfChecked;
import dev.bespoke.ui.support.CsrfTokens;
import dev.bespoke.ui.support.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The space's CMS connectors: whether each is on, how its entries arrive (in review or live), its
 * secret (write-only) and field mapping, and the webhook address to paste into the CMS. Admins
 * only, like the admin API's settings endpoint.
 */
@Path("/console/cms")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class CmsPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(Chrome chrome, List<ConnectorCard> connectors);
  }

  private final CmsSettings settings;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public CmsPages(CmsSettings settings, ConsoleUser user, ConsoleConfig config) {
    this.settings = settings;
    this.user = user;
    this.config = config;
  }

  @GET
  public TemplateInstance page(@QueryParam("saved") String saved, @Context UriInfo uri) {
    user.requireAdmin();
    return render(cards(uri, saved));
  }

  @POST
  @Path("{connector}")
  public Response save(
      @PathParam("connector") String connector,
      @RestForm String enabled,
      @RestForm String secret,
      @RestForm String publishAs,
      @RestForm String mapping,
      @RestForm String version,
      @RestForm(CsrfTokens.FIELD) String csrf,
      @Context UriInfo uri) {
    user.requireAdmin();
    boolean on = "true".equals(enabled);
    try {
      JsonNode parsed = Forms.json("mapping", mapping);
      settings.save(
          config.space(),
          connector,
          new CmsSettings.Change(
              on, Forms.blankToNull(secret), publishAs, parsed, version(version)),
          user.name());
      return Forms.redirect("/console/cms?saved=" + connector + "#" + connector);
    } catch (ValidationException | ConflictException | StaleVersionException e) {
      // A stale version means someone saved this connector since the page was opened.
      return refused(uri, connector, on, publishAs, mapping, Forms.errors(e, "version"));
    }
  }

  private Response refused(
      UriInfo uri,
      String connector,
      boolean enabled,
      String publishAs,
      String mapping,
      List<FieldError> errors) {
    List<ConnectorCard> cards =
        cards(uri, null).stream()
            .map(
                c ->
                    c.name().equals(connector)
                        ? c.refused(enabled, publishAs, mapping == null ? "" : mapping, errors)
                        : c)
            .toList();
    return Response.status(Response.Status.BAD_REQUEST).entity(render(cards)).build();
  }

  private List<ConnectorCard> cards(UriInfo uri, String saved) {
    String root = uri.getBaseUri().toString().replaceAll("/+$", "");
    return settings.list(config.space()).stream()
        .map(c -> ConnectorCard.of(c, root, c.name().equals(saved)))
        .toList();
  }

  private TemplateInstance render(List<ConnectorCard> cards) {
    return Templates.page(user.chrome("cms", "CMS connectors"), cards);
  }

  /** The hidden version field: empty before the connector's first save. */
  private static Long version(String field) {
    String v = Forms.blankToNull(field);
    if (v == null) {
      return null;
    }
    try {
      return Long.valueOf(v);
    } catch (NumberFormatException e) {
      throw ValidationException.of("version", "must be a whole number");
    }
  }
}
