package dev.bespoke.core.stats;

/**
 * What the {@link AlwaysValidTest} says at one look.
 *
 * @param pValue the always-valid p-value: the chance, if there were no difference, that the
 *     evidence would ever have looked this strong at any look
 * @param confidenceSequence the differences {@code p_variant − p_control} still compatible with the
 *     data at level {@code 1 − alpha}; it covers the true difference at every look at once with
 *     probability at least {@code 1 − alpha}
 */
public record SequentialEvidence(double pValue, Interval confidenceSequence) {

  static final SequentialEvidence NONE = new SequentialEvidence(1, Interval.ANY_DIFFERENCE);

  public SequentialEvidence {
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("p-value must be in [0, 1], was " + pValue);
    }
  }

  /**
   * This look combined with an earlier one of the same experiment and level: the smaller p-value
   * and the intersection of the two sequences. Both stay valid, because the guarantee covers all
   * looks at once, and they only ever tighten, so a verdict once reached is not withdrawn by noise.
   * An empty intersection (which the guarantee says happens at most {@code alpha} of the time, or
   * after a change to the experiment) keeps this look's sequence.
   */
  public SequentialEvidence narrowedBy(SequentialEvidence earlier) {
    double lower = Math.max(confidenceSequence.lower(), earlier.confidenceSequence.lower());
    double upper = Math.min(confidenceSequence.upper(), earlier.confidenceSequence.upper());
    Interval sequence = lower <= upper ? new Interval(lower, upper) : confidenceSequence;
    return new SequentialEvidence(Math.min(pValue, earlier.pValue), sequence);
  }
}
