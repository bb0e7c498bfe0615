package dev.bespoke.cms.client;

import java.util.List;

/**
 * One slot's content, as Bespoke decided it or from the page's default.
 *
 * @param decisionId for impression and click events; {@code null} when the page's default is used
 * @param variant the content to render; the page's default when Bespoke chose nothing or failed
 * @param segments the visitor's segments the chosen variant targets
 * @param reason why this content, in words (Bespoke's reason, or why the default is shown)
 * @param experiment the experiment arm the visitor is in, or {@code null}
 * @param fallback true when this is a default served because of a fault, here or in Bespoke
 */
public record Decision(
    String slot,
    String decisionId,
    Variant variant,
    List<String> segments,
    String reason,
    Experiment experiment,
    boolean fallback) {

  public Decision {
    segments = segments == null ? List.of() : List.copyOf(segments);
  }

  /** An experiment and the arm the visitor is in. */
  public record Experiment(String key, String arm) {}

  static Decision pageDefault(SlotDefault slot, String reason) {
    return new Decision(slot.slot(), null, slot.fallback(), List.of(), reason, null, true);
  }
}
