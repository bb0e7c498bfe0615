package dev.bespoke.ui.reach;

import dev.bespoke.ui.support.ConsoleConfig;
import dev.bespoke.ui.support.CsrfChecked;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The segment builder's reach estimate as an htmx fragment: the builder posts its form as it stands
 * (nothing is saved) and gets the reach of the rule on screen back.
 */
@Path("/console/reach")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class ReachPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance segment(SegmentReach.Result reach);
  }

  private final SegmentReach reach;
  private final ConsoleConfig config;

  public ReachPages(SegmentReach reach, ConsoleConfig config) {
    this.reach = reach;
    this.config = config;
  }

  @POST
  @Path("segment")
  public TemplateInstance segment(
      @RestForm String key, @RestForm String rule, @RestForm String compare) {
    return Templates.segment(reach.of(config.space(), key, rule, compare));
  }
}
