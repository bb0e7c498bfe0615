package dev.bespoke.ui.experiment;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.history.AuditEntry;
import dev.bespoke.store.history.AuditFilter;
import dev.bespoke.store.history.History;
import dev.bespoke.ui.spi.ExperimentRunner;
import dev.bespoke.ui.spi.Promotion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Works out what the results page says and offers about promoting the winner. The engine's promoter
 * plans every offer, so the words on the button are exactly what a click will do.
 */
@ApplicationScoped
public class PromotionPanels {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final ExperimentRunner runner;
  private final History history;

  public PromotionPanels(ExperimentRunner runner, History history) {
    this.runner = runner;
    this.history = history;
  }

  public PromotionPanel of(
      String space, Experiment experiment, ResultsView results, boolean publisher) {
    String outcome = lastPromotion(space, experiment.key());
    if (!"ab".equals(experiment.type())) {
      return panel(
          "holdout",
          "A holdout has nothing to promote: it measures whether personalising this slot pays off"
              + " at all, not which variant is best. If the personalised group wins, stop the"
              + " experiment and keep personalising.",
          outcome);
    }
    boolean promotable =
        "running".equals(experiment.status())
            || ("stopped".equals(experiment.status()) && outcome.isEmpty());
    if (!promotable) {
      return panel(
          outcome.isEmpty() ? "waiting" : "promoted",
          outcome.isEmpty() ? "A winner can be promoted once the experiment has run." : "",
          outcome);
    }
    if (!publisher) {
      return panel("editor", "A publisher can promote the winner here.", outcome);
    }
    Optional<Promotion> winner = winner(space, experiment.key());
    if (winner.isPresent() && winner.get().significant()) {
      return new PromotionPanel(
          "winner",
          "Arm "
              + winner.get().arm()
              + " beats the control by the always-valid test, which stays valid however often the"
              + " results are looked at."
              + (results.inconclusive()
                  ? " Promotion follows that test, even while the verdict above still waits for"
                      + " every arm to reach the minimum evidence."
                  : "")
              + " Promoting stops the experiment and unpublishes the losing variants (they go back to draft, each in the audit"
              + " log under your name); the slot's own rules then serve the winner.",
          "Promote " + words(winner.get()),
          List.of(),
          outcome,
          "");
    }
    return new PromotionPanel(
        "inconclusive",
        results.srm()
            ? "No winner can be trusted (see the warning above)."
            : "No arm has been shown to beat the control yet, so there is no winner to promote."
                + " Keep the experiment running. If you must decide now, you can promote an arm"
                + " anyway; the audit log will record that the result was inconclusive.",
        "",
        options(space, experiment),
        outcome,
        "");
  }

  /** "b: unpublishes c; keeps the default base", naming the variant when it is not the arm. */
  static String words(Promotion p) {
    StringBuilder s = new StringBuilder(p.arm());
    if (p.variant() != null && !p.variant().equals(p.arm())) {
      s.append(" (variant ").append(p.variant()).append(')');
    }
    List<String> effects = new ArrayList<>();
    if (!p.unpublished().isEmpty()) {
      effects.add("unpublishes " + String.join(", ", p.unpublished()));
    }
    if (!p.keptAsDefault().isEmpty()) {
      effects.add("keeps the default " + String.join(", ", p.keptAsDefault()));
    }
    if (effects.isEmpty()) {
      effects.add("nothing left to unpublish");
    }
    return s.append(": ").append(String.join("; ", effects)).toString();
  }

  private Optional<Promotion> winner(String space, String key) {
    try {
      return Optional.of(runner.planPromotion(space, key, Optional.empty()));
    } catch (ConflictException noWinnerYet) {
      return Optional.empty();
    }
  }

  private List<PromotionPanel.Option> options(String space, Experiment experiment) {
    List<PromotionPanel.Option> options = new ArrayList<>();
    for (Experiment.Arm arm : experiment.arms()) {
      Promotion plan = runner.planPromotion(space, experiment.key(), Optional.of(arm.key()));
      options.add(new PromotionPanel.Option(arm.key(), words(plan)));
    }
    return options;
  }

  /** The newest promote entry of the experiment's trail, in words; empty when never promoted. */
  private String lastPromotion(String space, String key) {
    return history
        .audit(
            space,
            new AuditFilter(Optional.of("experiment"), Optional.of(key), Optional.empty()),
            new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .filter(e -> "promote".equals(e.action()))
        .findFirst()
        .map(PromotionPanels::sentence)
        .orElse("");
  }

  private static String sentence(AuditEntry e) {
    return "Promoted by "
        + e.actor()
        + " on "
        + TIME.format(e.at())
        + ": "
        + (e.detail() == null ? "" : e.detail())
        + ".";
  }

  private static PromotionPanel panel(String situation, String explanation, String outcome) {
    return new PromotionPanel(situation, explanation, "", List.of(), outcome, "");
  }
}
