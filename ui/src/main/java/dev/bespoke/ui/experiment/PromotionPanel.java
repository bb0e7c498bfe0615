package dev.bespoke.ui.experiment;

import java.util.List;

/**
 * The "Promote the winner" section of a results page: one of a few situations, each with its own
 * words and, for publishers, its own form.
 *
 * @param situation {@code holdout}, {@code waiting} (draft or archived), {@code winner}, {@code
 *     inconclusive}, {@code promoted} or {@code editor} (a promotion is possible, but not for this
 *     user)
 * @param explanation why there is no button, or what the button does, in plain words
 * @param confirmation the winner button's label: what promoting it unpublishes and keeps
 * @param options the arms a publisher may promote anyway, for an inconclusive result
 * @param outcome the last promotion, as recorded in the experiment's audit trail; empty if none
 * @param error why the last attempt was refused; empty if it was not
 */
public record PromotionPanel(
    String situation,
    String explanation,
    String confirmation,
    List<Option> options,
    String outcome,
    String error) {

  public PromotionPanel {
    options = List.copyOf(options);
  }

  /** An arm that can be promoted against the evidence, and what that would do. */
  public record Option(String arm, String label) {}

  public boolean hasOutcome() {
    return !outcome.isEmpty();
  }

  PromotionPanel withError(String message) {
    return new PromotionPanel(situation, explanation, confirmation, options, outcome, message);
  }
}
