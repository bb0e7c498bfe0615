package dev.bespoke.ui.slot;

import dev.bespoke.ui.support.ConsoleConfig;
import dev.bespoke.ui.support.CsrfChecked;
import dev.bespoke.ui.support.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The variant editor's live checks, as an htmx fragment: the editor posts the form as it stands
 * (nothing is saved) and gets back conflict warnings and reach figures. A POST because the form's
 * fields are many and its CSRF token rides along; it changes nothing.
 */
@Path("/console/slots/{slot}/targeting")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class TargetingPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance checks(TargetingCheck.Checks checks);
  }

  private final TargetingCheck check;
  private final ConsoleConfig config;

  public TargetingPages(TargetingCheck check, ConsoleConfig config) {
    this.check = check;
    this.config = config;
  }

  @POST
  public TemplateInstance check(
      @PathParam("slot") String slot,
      @RestForm String key,
      @RestForm List<String> segments,
      @RestForm String segmentMatch,
      @RestForm String channels,
      @RestForm String locales,
      @RestForm Integer priority,
      @RestForm String validFrom,
      @RestForm String validUntil,
      @RestForm String isDefault,
      @RestForm String suppress) {
    Targeting targeting =
        new Targeting(
            key,
            segments,
            segmentMatch,
            Forms.list(channels),
            Forms.list(locales),
            priority == null ? 0 : priority,
            validFrom,
            validUntil,
            isDefault != null,
            suppress);
    return Templates.checks(check.check(config.space(), slot, targeting));
  }
}
