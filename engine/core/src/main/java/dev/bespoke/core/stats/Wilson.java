package dev.bespoke.core.stats;

/**
 * The Wilson score interval for a conversion rate.
 *
 * <p>With {@code p̂ = c/n} and {@code z = Φ⁻¹(1 − (1 − confidence)/2)}:
 *
 * <pre>
 *   centre = (p̂ + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · sqrt(p̂(1 − p̂)/n + z²/4n²)
 *   [centre − half, centre + half]
 * </pre>
 *
 * Chosen over the textbook Wald interval {@code p̂ ± z·sqrt(p̂(1−p̂)/n)} because Wald collapses to
 * {@code [0, 0]} at zero conversions and undercovers at the small counts and low rates that
 * experiments start with; Wilson stays inside [0, 1] and keeps close to its nominal coverage. With
 * no visitors the interval is [0, 1]: nothing is known.
 */
public final class Wilson {

  /** The level the results show for a single arm's rate. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private Wilson() {}

  public static Interval interval(long conversions, long visitors, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    if (conversions < 0 || conversions > visitors) {
      throw new IllegalArgumentException("need 0 <= conversions <= visitors");
    }
    if (visitors == 0) {
      return new Interval(0, 1);
    }
    double n = visitors;
    double p = conversions / n;
    double z = Normal.quantile(1 - (1 - confidence) / 2);
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Interval.clamped(centre - half, centre + half, 0, 1);
  }

  public static Interval interval(ArmCounts counts) {
    return interval(counts.conversions(), counts.visitors(), DEFAULT_CONFIDENCE);
  }
}
