package dev.bespoke.core.stats;

/**
 * The rules a {@link ResultsCalculator} applies besides the experiment's own alpha.
 *
 * @param minVisitorsPerArm no verdict while any weighted arm has fewer exposed visitors
 * @param minConversionsPerArm no verdict while any weighted arm has fewer conversions
 * @param minNonConversionsPerArm no verdict while any weighted arm has fewer visitors who did not
 *     convert. With the conversions rule this is the textbook success–failure condition (at least
 *     10 of each) under which the normal approximations behind the z-test and the sequential test
 *     are trustworthy; the visitor minimum keeps a handful of early, lucky visitors from deciding
 * @param srmThreshold the sample-ratio-mismatch p-value below which the results are untrustworthy
 * @param mixtureVariance τ² of the {@link AlwaysValidTest}
 */
public record ResultsPolicy(
    long minVisitorsPerArm,
    long minConversionsPerArm,
    long minNonConversionsPerArm,
    double srmThreshold,
    double mixtureVariance) {

  public static final ResultsPolicy DEFAULT =
      new ResultsPolicy(
          100, 10, 10, SrmCheck.DEFAULT_THRESHOLD, AlwaysValidTest.DEFAULT_MIXTURE_VARIANCE);

  public ResultsPolicy {
    if (minVisitorsPerArm < 0 || minConversionsPerArm < 0 || minNonConversionsPerArm < 0) {
      throw new IllegalArgumentException("minimums must be >= 0");
    }
    if (!(srmThreshold > 0 && srmThreshold < 1)) {
      throw new IllegalArgumentException("srmThreshold must be in (0, 1)");
    }
    if (!(mixtureVariance > 0) || Double.isInfinite(mixtureVariance)) {
      throw new IllegalArgumentException("mixtureVariance must be > 0");
    }
  }

  /** Whether one arm's counts meet the minimum-evidence rule. */
  public boolean hasEnoughEvidence(ArmCounts counts) {
    return counts.visitors() >= minVisitorsPerArm
        && counts.conversions() >= minConversionsPerArm
        && counts.nonConversions() >= minNonConversionsPerArm;
  }

  public ResultsPolicy withMixtureVariance(double variance) {
    return new ResultsPolicy(
        minVisitorsPerArm, minConversionsPerArm, minNonConversionsPerArm, srmThreshold, variance);
  }
}
