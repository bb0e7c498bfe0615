package dev.bespoke.ui.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.ui.reach.SegmentReach;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Segments: the list and the builder. */
@Path("/console/segments")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class SegmentPages {

  /** One segment in the list. */
  public record Row(String key, String name, String description, String status) {}

  /**
   * The builder form; {@code rule} is the JSON view, {@code errorsJson} feeds the inline errors.
   */
  public record Form(
      boolean creating,
      String key,
      String name,
      String description,
      String rule,
      String status,
      Long version,
      List<FieldError> errors,
      String catalogJson,
      String errorsJson) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(Chrome chrome, List<Row> segments);

    static native TemplateInstance edit(
        Chrome chrome, Form form, SegmentReach.Result reach, List<Row> others);
  }

  private static final String STARTER_RULE =
      "{\n  \"all\": [\n    {\"attr\": \"geo.country\", \"op\": \"in\", \"value\": [\"NL\"]}\n  ]\n}";

  private final SegmentService segments;
  private final ConsoleUser user;
  private final ConsoleConfig config;
  private final SegmentReach reach;

  public SegmentPages(
      SegmentService segments, ConsoleUser user, ConsoleConfig config, SegmentReach reach) {
    this.reach = reach;
    this.segments = segments;
    this.user = user;
    this.config = config;
  }

  @GET
  public TemplateInstance list() {
    return Templates.list(user.chrome("segments", "Segments"), rows());
  }

  private List<Row> rows() {
    return segments
        .list(config.space(), Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .map(s -> new Row(s.key(), s.name(), s.description(), s.status()))
        .toList();
  }

  @GET
  @Path("new")
  public TemplateInstance create() {
    return form(true, "", "", "", STARTER_RULE, "draft", null, List.of());
  }

  @POST
  public Response create(
      @RestForm String key,
      @RestForm String name,
      @RestForm String description,
      @RestForm String rule) {
    try {
      Segment saved =
          segments.create(
              config.space(),
              new Segment(
                  Forms.blankToNull(key),
                  name,
                  Forms.blankToNull(description),
                  Forms.json("rule", rule),
                  null,
                  null),
              user.name());
      return Forms.redirect("/console/segments/" + saved.key() + "?saved");
    } catch (ValidationException e) {
      return invalid(true, key, name, description, rule, "draft", null, e.errors());
    } catch (ConflictException e) {
      return invalid(true, key, name, description, rule, "draft", null, List.of(error("key", e)));
    }
  }

  @GET
  @Path("{key}")
  public TemplateInstance edit(@PathParam("key") String key) {
    Segment s = segments.get(config.space(), key);
    return form(
        false,
        s.key(),
        s.name(),
        s.description(),
        Forms.pretty(s.rule()),
        s.status(),
        s.version(),
        List.of());
  }

  @POST
  @Path("{key}")
  public Response update(
      @PathParam("key") String key,
      @RestForm String name,
      @RestForm String description,
      @RestForm String rule,
      @RestForm Long version) {
    String status = segments.get(config.space(), key).status();
    try {
      JsonNode parsed = Forms.json("rule", rule);
      segments.update(
          config.space(),
          key,
          new Segment(key, name, Forms.blankToNull(description), parsed, null, version),
          user.name());
      return Forms.redirect("/console/segments/" + key + "?saved");
    } catch (ValidationException e) {
      return invalid(false, key, name, description, rule, status, version, e.errors());
    } catch (ConflictException e) {
      return invalid(
          false, key, name, description, rule, status, version, List.of(error("version", e)));
    }
  }

  @POST
  @Path("{key}/submit")
  public Response submit(@PathParam("key") String key, @RestForm(CsrfTokens.FIELD) String csrf) {
    segments.submit(config.space(), key, user.name());
    return Forms.redirect("/console/segments/" + key + "?submitted");
  }

  private static FieldError error(String field, RuntimeException e) {
    return new FieldError(field, e.getMessage());
  }

  private Response invalid(
      boolean creating,
      String key,
      String name,
      String description,
      String rule,
      String status,
      Long version,
      List<FieldError> errors) {
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(form(creating, key, name, description, rule, status, version, errors))
        .build();
  }

  private TemplateInstance form(
      boolean creating,
      String key,
      String name,
      String description,
      String rule,
      String status,
      Long version,
      List<FieldError> errors) {
    Form form =
        new Form(
            creating,
            key,
            name,
            description == null ? "" : description,
            rule,
            status,
            version,
            errors,
            Catalogue.json(),
            Forms.toJson(errors));
    // A rule the save refused is estimated anyway: the errors then show in the reach box too.
    SegmentReach.Result estimate = reach.of(config.space(), key, rule, null);
    List<Row> others =
        rows().stream()
            .filter(r -> !r.key().equals(key) && !"archived".equals(r.status()))
            .toList();
    return Templates.edit(
        user.chrome("segments", creating ? "New segment" : "Segment " + key),
        form,
        estimate,
        others);
  }
}
