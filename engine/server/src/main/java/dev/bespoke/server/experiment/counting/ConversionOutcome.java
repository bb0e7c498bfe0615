package dev.bespoke.server.experiment.counting;

/** What a conversion did to the counts. */
public enum ConversionOutcome {
  /** The visitor's first conversion on the goal: counted in their arm. */
  COUNTED,
  /** The visitor had converted before; each visitor counts once. */
  ALREADY_COUNTED,
  /** The visitor was never exposed: counted as excluded. */
  NOT_EXPOSED,
  /** Sooner after the visitor's exposure than a person acts: counted as excluded. */
  TOO_SOON
}
