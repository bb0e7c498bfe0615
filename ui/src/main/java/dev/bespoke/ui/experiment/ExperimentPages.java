package dev.bespoke.ui.experiment;

import dev.bespoke.core.stats.ArmResult;
import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.variant.Variant;
import dev.bespoke.store.variant.VariantService;
import dev.bespoke.ui.spi.ExperimentRunner;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Experiments: list, create (a holdout in one click), start/stop, results. */
@Path("/console/experiments")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class ExperimentPages {

  /** One experiment in the list. */
  public record Row(String key, String slot, String type, String goal, String status) {}

  /** The A/B form. */
  public record NewForm(
      String slot, String key, String goal, List<String> variants, List<FieldError> errors) {}

  /** The results page. */
  public record Page(
      String key,
      String slot,
      String type,
      String goal,
      String status,
      int trafficPercent,
      String alpha,
      ResultsView results,
      LiftChart lift) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(Chrome chrome, List<Row> experiments);

    static native TemplateInstance create(Chrome chrome, NewForm form);

    static native TemplateInstance show(Chrome chrome, Page experiment);
  }

  private final ExperimentService experiments;
  private final VariantService variants;
  private final ExperimentRunner runner;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public ExperimentPages(
      ExperimentService experiments,
      VariantService variants,
      ExperimentRunner runner,
      ConsoleUser user,
      ConsoleConfig config) {
    this.experiments = experiments;
    this.variants = variants;
    this.runner = runner;
    this.user = user;
    this.config = config;
  }

  @GET
  public TemplateInstance list() {
    List<Row> rows =
        experiments
            .list(config.space(), Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
            .items()
            .stream()
            .map(e -> new Row(e.key(), e.slot(), e.type(), e.goal(), e.status()))
            .toList();
    return Templates.list(user.chrome("experiments", "Experiments"), rows);
  }

  @GET
  @Path("new")
  public TemplateInstance create(@QueryParam("slot") String slot) {
    return newForm(slot, slot == null ? "" : slot + "-test", "purchase", List.of());
  }

  /** An A/B test between two of the slot's variants, split evenly. */
  @POST
  public Response create(
      @RestForm String slot,
      @RestForm String key,
      @RestForm String goal,
      @RestForm String variantA,
      @RestForm String variantB) {
    try {
      Experiment saved =
          experiments.create(
              config.space(),
              new Experiment(
                  Forms.blankToNull(key),
                  slot,
                  "ab",
                  100,
                  List.of(
                      new Experiment.Arm("control", variantA, 1),
                      new Experiment.Arm("challenger", variantB, 1)),
                  goal,
                  0.05,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              user.name());
      return Forms.redirect("/console/experiments/" + saved.key());
    } catch (ValidationException | ConflictException e) {
      List<FieldError> errors = Forms.errors(e, "key");
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(newForm(slot, key, goal, errors))
          .build();
    }
  }

  /**
   * The holdout in one click: a small generic control group (10%) keeps seeing the slot's default,
   * so the lift of personalisation as a whole can be measured against it.
   */
  @POST
  @Path("holdout")
  public Response holdout(@RestForm String slot, @RestForm String goal) {
    String key = freeKey(slot + "-holdout");
    experiments.create(
        config.space(),
        new Experiment(
            key,
            slot,
            "holdout",
            100,
            List.of(
                new Experiment.Arm("control", null, 1),
                new Experiment.Arm("personalised", null, 9)),
            goal == null || goal.isBlank() ? "purchase" : goal,
            0.05,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        user.name());
    return Forms.redirect("/console/experiments/" + key);
  }

  @GET
  @Path("{key}")
  public TemplateInstance show(@PathParam("key") String key) {
    Experiment e = experiments.get(config.space(), key);
    ExperimentResults computed = runner.results(config.space(), key);
    ResultsView results = ResultsView.of(computed);
    LiftChart lift =
        LiftChart.of(
            runner.daily(config.space(), key),
            computed.arms().stream()
                .filter(ArmResult::control)
                .map(ArmResult::arm)
                .findFirst()
                .orElse(""),
            computed.arms().stream().map(ArmResult::arm).toList());
    return Templates.show(
        user.chrome("experiments", "Experiment " + key),
        new Page(
            e.key(),
            e.slot(),
            e.type(),
            e.goal(),
            e.status(),
            e.trafficPercent() == null ? 100 : e.trafficPercent(),
            String.valueOf(e.alpha()),
            results,
            lift));
  }

  @POST
  @Path("{key}/start")
  public Response start(@PathParam("key") String key, @RestForm(CsrfTokens.FIELD) String csrf) {
    user.requirePublisher();
    runner.start(config.space(), key, user.name());
    return Forms.redirect("/console/experiments/" + key);
  }

  @POST
  @Path("{key}/stop")
  public Response stop(@PathParam("key") String key, @RestForm(CsrfTokens.FIELD) String csrf) {
    user.requirePublisher();
    runner.stop(config.space(), key, user.name());
    return Forms.redirect("/console/experiments/" + key);
  }

  private String freeKey(String base) {
    String key = base.length() > 56 ? base.substring(0, 56) : base;
    String candidate = key;
    for (int n = 2; exists(candidate); n++) {
      candidate = key + "-" + n;
    }
    return candidate;
  }

  private boolean exists(String key) {
    return experiments
        .list(config.space(), Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .anyMatch(e -> e.key().equals(key));
  }

  private TemplateInstance newForm(String slot, String key, String goal, List<FieldError> errors) {
    List<String> keys =
        slot == null || slot.isBlank()
            ? List.of()
            : variants
                .list(config.space(), slot, Optional.empty(), new PageRequest(0, 100))
                .items()
                .stream()
                .map(Variant::key)
                .toList();
    return Templates.create(
        user.chrome("experiments", "New experiment"),
        new NewForm(slot == null ? "" : slot, key, goal, keys, errors));
  }
}
