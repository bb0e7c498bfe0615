package dev.bespoke.core.stats;

import java.util.Arrays;
import org.hipparchus.special.Gamma;

/**
 * Sample-ratio mismatch: do the visitor counts fit the configured arm weights?
 *
 * <p>Pearson's chi-square goodness of fit over the arms with a weight above 0: with {@code N} the
 * total visitors and {@code Eᵢ = N · wᵢ / Σw}, {@code χ² = Σ (nᵢ − Eᵢ)² / Eᵢ} on {@code k − 1}
 * degrees of freedom, {@code p = Q((k − 1)/2, χ²/2)} (the regularised upper incomplete gamma
 * function, i.e. the chi-square survival function). An arm with weight 0 that has visitors is a
 * mismatch outright ({@code χ² = ∞, p = 0}); with no visitors, or one weighted arm, {@code p = 1}.
 *
 * <p>A mismatch means visitors were lost or double-counted unevenly (a redirect that drops one
 * arm's exposures, a bot filter that hits one variant, a crash in one variant's rendering). Such a
 * bias can be far larger than any effect being measured, so when {@code p} is below the threshold
 * (0.001 by default: strict, because this check runs on every read of every experiment) no other
 * number of the experiment should be trusted.
 *
 * @param chiSquare the statistic; infinite for visitors in a zero-weight arm
 * @param degreesOfFreedom weighted arms minus one
 * @param pValue the probability of a split at least this uneven if assignment works
 * @param mismatch {@code pValue < threshold}
 */
public record SrmCheck(double chiSquare, int degreesOfFreedom, double pValue, boolean mismatch) {

  /** The default threshold: a one-in-a-thousand split is treated as a bug, not as bad luck. */
  public static final double DEFAULT_THRESHOLD = 0.001;

  public static SrmCheck test(long[] visitors, long[] weights, double threshold) {
    if (visitors.length != weights.length || visitors.length == 0) {
      throw new IllegalArgumentException("one weight per arm, at least one arm");
    }
    long total = Arrays.stream(visitors).sum();
    long weightSum = Arrays.stream(weights).sum();
    int weighted = (int) Arrays.stream(weights).filter(w -> w > 0).count();
    int df = weighted - 1;
    for (int i = 0; i < visitors.length; i++) {
      if (weights[i] == 0 && visitors[i] > 0) {
        return new SrmCheck(Double.POSITIVE_INFINITY, df, 0, true);
      }
    }
    if (total == 0) {
      return new SrmCheck(0, df, 1, false);
    }
    double chiSquare = 0;
    for (int i = 0; i < visitors.length; i++) {
      if (weights[i] > 0) {
        double expected = (double) total * weights[i] / weightSum;
        double deviation = visitors[i] - expected;
        chiSquare += deviation * deviation / expected;
      }
    }
    double p = df == 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, chiSquare / 2);
    return new SrmCheck(chiSquare, df, p, p < threshold);
  }

  public static SrmCheck test(long[] visitors, long[] weights) {
    return test(visitors, weights, DEFAULT_THRESHOLD);
  }
}
