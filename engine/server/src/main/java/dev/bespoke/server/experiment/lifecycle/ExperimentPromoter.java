package dev.bespoke.server.experiment.lifecycle;

import dev.bespoke.server.experiment.results.ResultsService;
import dev.bespoke.server.experiment.results.ResultsView;
import dev.bespoke.server.experiment.results.ResultsView.ArmView;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.variant.Variant;
import dev.bespoke.store.variant.VariantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Promotes the winner of an A/B experiment: the experiment stops (its counts freeze), and the
 * losing arms' variants are unpublished through the normal workflow, so the slot's own rules serve
 * the winner from then on. Every step is an audit entry under the publisher's name, and the
 * experiment's own trail records which arm won and on what evidence.
 *
 * <p>An analyst's guard: promotion follows the always-valid test. Without a significant winner, or
 * with a sample-ratio mismatch, it is refused unless the caller says in so many words that it
 * accepts an inconclusive result; the audit entry then says so too.
 */
@ApplicationScoped
public class ExperimentPromoter {

  private final ExperimentService experiments;
  private final ExperimentRunner runner;
  private final ResultsService results;
  private final VariantService variants;

  public ExperimentPromoter(
      ExperimentService experiments,
      ExperimentRunner runner,
      ResultsService results,
      VariantService variants) {
    this.experiments = experiments;
    this.runner = runner;
    this.results = results;
    this.variants = variants;
  }

  /** What a promotion did. */
  public record Promotion(
      String experiment,
      String arm,
      String variant,
      String evidence,
      List<String> unpublished,
      List<String> keptAsDefault,
      String summary) {}

  /**
   * What a promotion would do, worked out without changing anything: the console shows it as the
   * confirmation, and {@link #promote} carries out exactly this plan.
   *
   * @param evidence {@code significant}, or why the evidence falls short
   * @param unpublish the losing arms' published variants that go back to draft
   * @param keepAsDefault losing variants that stay published because they are the slot's default
   */
  public record Plan(
      String arm,
      String variant,
      String evidence,
      List<String> unpublish,
      List<String> keepAsDefault) {

    public boolean significant() {
      return "significant".equals(evidence);
    }
  }

  /**
   * The plan for promoting {@code requestedArm}, or the significant winner when empty.
   *
   * @throws ConflictException when the experiment cannot be promoted at all (a holdout, a draft, no
   *     significant winner and no arm named)
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Plan plan(String space, String key, Optional<String> requestedArm) {
    Experiment experiment = promotable(space, key);
    return plan(space, experiment, results.results(space, key), requestedArm);
  }

  /**
   * @param requestedArm the arm to promote; empty for the significant winner
   * @param acceptInconclusive promote even without a significant winner or with an SRM or burst
   *     warning
   */
  @Transactional
  public Promotion promote(
      String space,
      String key,
      Optional<String> requestedArm,
      boolean acceptInconclusive,
      String actor) {
    Experiment experiment = promotable(space, key);
    ResultsView view = results.results(space, key);
    Plan plan = plan(space, experiment, view, requestedArm);
    if (!plan.significant() && !acceptInconclusive) {
      throw new ConflictException(
          "arm "
              + plan.arm()
              + " is not a trustworthy winner ("
              + plan.evidence()
              + "; "
              + view.summary()
              + "); send acceptInconclusive: true to promote it anyway");
    }
    if ("running".equals(experiment.status())) {
      runner.stop(space, key, actor);
    }
    for (String loser : plan.unpublish()) {
      variants.unpublish(space, experiment.slot(), loser, actor);
    }
    String summary =
        "arm "
            + plan.arm()
            + " (variant "
            + plan.variant()
            + ") promoted on "
            + plan.evidence()
            + " evidence"
            + (plan.unpublish().isEmpty()
                ? ""
                : "; unpublished " + String.join(", ", plan.unpublish()))
            + (plan.keepAsDefault().isEmpty()
                ? ""
                : "; kept the slot's default " + String.join(", ", plan.keepAsDefault()));
    experiments.recordAction(space, key, "promote", actor, summary);
    return new Promotion(
        key,
        plan.arm(),
        plan.variant(),
        plan.evidence(),
        plan.unpublish(),
        plan.keepAsDefault(),
        summary);
  }

  private Experiment promotable(String space, String key) {
    Experiment experiment = experiments.get(space, key);
    if (!"ab".equals(experiment.type())) {
      throw new ConflictException(
          "experiment "
              + key
              + " is a holdout: it measures personalisation itself and has no variant to promote;"
              + " stop it and keep personalising if the personalised arm won");
    }
    if (!"running".equals(experiment.status()) && !"stopped".equals(experiment.status())) {
      throw new ConflictException(
          "experiment "
              + key
              + " is "
              + experiment.status()
              + ": only a running or stopped"
              + " experiment has results to promote");
    }
    return experiment;
  }

  private Plan plan(
      String space, Experiment experiment, ResultsView view, Optional<String> requestedArm) {
    ArmView chosen = choose(view, requestedArm);
    List<String> unpublish = new ArrayList<>();
    List<String> keepAsDefault = new ArrayList<>();
    for (ArmView arm : view.arms()) {
      if (arm.variant() == null || arm.variant().equals(chosen.variant())) {
        continue;
      }
      Variant loser = variants.get(space, experiment.slot(), arm.variant());
      if (!"published".equals(loser.status())) {
        continue;
      }
      if (Boolean.TRUE.equals(loser.isDefault())) {
        // The slot must keep a default; it stays the fallback for visitors the winner does not fit.
        keepAsDefault.add(loser.key());
      } else {
        unpublish.add(loser.key());
      }
    }
    return new Plan(
        chosen.key(),
        chosen.variant(),
        evidence(view, chosen),
        List.copyOf(unpublish),
        List.copyOf(keepAsDefault));
  }

  private static ArmView choose(ResultsView view, Optional<String> requestedArm) {
    if (requestedArm.isPresent()) {
      return view.arms().stream()
          .filter(a -> a.key().equals(requestedArm.get()))
          .findFirst()
          .orElseThrow(
              () ->
                  ValidationException.of(
                      "arm",
                      "experiment "
                          + view.key()
                          + " has no arm "
                          + requestedArm.get()
                          + "; its arms are "
                          + String.join(", ", view.arms().stream().map(ArmView::key).toList())));
    }
    return view.arms().stream()
        .filter(a -> a.vsControl() != null && a.vsControl().significant())
        .filter(a -> a.vsControl().absoluteLift() > 0)
        .max(Comparator.comparingDouble(ArmView::rate))
        .or(() -> controlIfEveryChallengerLost(view))
        .orElseThrow(
            () ->
                new ConflictException(
                    "experiment "
                        + view.key()
                        + " has no significant winner yet ("
                        + view.summary()
                        + "); name an arm and send acceptInconclusive: true to promote it"
                        + " anyway"));
  }

  /** The control wins when every challenger is significantly worse. */
  private static Optional<ArmView> controlIfEveryChallengerLost(ResultsView view) {
    boolean allLost =
        view.arms().stream()
            .filter(a -> !a.control())
            .allMatch(
                a ->
                    a.vsControl() != null
                        && a.vsControl().significant()
                        && a.vsControl().absoluteLift() < 0);
    return allLost ? view.arms().stream().filter(ArmView::control).findFirst() : Optional.empty();
  }

  /** {@code significant}, or the reason the evidence falls short. */
  private static String evidence(ResultsView view, ArmView arm) {
    if (view.sampleRatio() != null && view.sampleRatio().untrustworthy()) {
      return "untrustworthy: sample-ratio mismatch";
    }
    if (view.burst() != null && view.burst().untrustworthy()) {
      return "untrustworthy: improbable burst of visitors or conversions";
    }
    if (arm.control()) {
      return controlIfEveryChallengerLost(view).isPresent()
          ? "significant"
          : "inconclusive: no challenger is significantly worse than the control";
    }
    boolean wins = arm.vsControl().significant() && arm.vsControl().absoluteLift() > 0;
    return wins ? "significant" : "inconclusive: not significantly better than the control";
  }
}
