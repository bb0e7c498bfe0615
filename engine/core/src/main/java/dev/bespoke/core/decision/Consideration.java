package dev.bespoke.core.decision;

/** One line of a decision's trace: a variant and what became of it. */
public record Consideration(String variant, Outcome outcome, String why) {

  /** What became of a variant during one decision. */
  public enum Outcome {
    CHOSEN,
    OUTRANKED,
    NOT_SCHEDULED,
    OTHER_CHANNEL,
    OTHER_LOCALE,
    SUPPRESSED,
    SEGMENTS_DO_NOT_MATCH,
    DEFAULT_NOT_NEEDED
  }
}
