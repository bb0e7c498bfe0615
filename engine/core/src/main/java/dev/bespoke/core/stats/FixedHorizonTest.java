package dev.bespoke.core.stats;

/**
 * The classical two-proportion comparison of a variant (B) against the control (A), valid when it
 * is read once, at a sample size fixed in advance.
 *
 * <p>With {@code p̂A = cA/nA}, {@code p̂B = cB/nB}:
 *
 * <ul>
 *   <li>z-test, pooled variance (the variance under the null hypothesis that both rates are equal):
 *       {@code p̄ = (cA + cB)/(nA + nB)}, {@code z = (p̂B − p̂A) / sqrt(p̄(1 − p̄)(1/nA + 1/nB))},
 *       two-sided {@code p = 2·(1 − Φ(|z|)) = erfc(|z|/√2)}.
 *   <li>Interval of the difference at {@code 1 − alpha}, unpooled (no null to assume when
 *       estimating a size): {@code (p̂B − p̂A) ± Φ⁻¹(1 − alpha/2) · sqrt(p̂A(1−p̂A)/nA +
 *       p̂B(1−p̂B)/nB)}, clamped to [−1, 1].
 * </ul>
 *
 * Degenerate inputs answer "no evidence" rather than dividing by zero: an empty arm or a pooled
 * rate of exactly 0 or 1 gives {@code z = 0, p = 1}; an empty arm gives the interval [−1, 1].
 *
 * @param z the z statistic
 * @param pValue the two-sided p-value
 * @param difference the interval of {@code p̂B − p̂A} at {@code 1 − alpha}
 * @param significant {@code pValue < alpha}: the answer only for a single look at a planned size
 */
public record FixedHorizonTest(double z, double pValue, Interval difference, boolean significant) {

  public static FixedHorizonTest compare(ArmCounts control, ArmCounts variant, double alpha) {
    double[] zp = zTest(control, variant);
    return new FixedHorizonTest(
        zp[0], zp[1], differenceInterval(control, variant, alpha), zp[1] < alpha);
  }

  /** {@code {z, p}} of the pooled two-proportion z-test. */
  static double[] zTest(ArmCounts control, ArmCounts variant) {
    long nA = control.visitors();
    long nB = variant.visitors();
    if (nA == 0 || nB == 0) {
      return new double[] {0, 1};
    }
    double pooled = (double) (control.conversions() + variant.conversions()) / (nA + nB);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
    if (se == 0) {
      return new double[] {0, 1};
    }
    double z = (variant.rate() - control.rate()) / se;
    return new double[] {z, Normal.twoSidedPValue(z)};
  }

  static Interval differenceInterval(ArmCounts control, ArmCounts variant, double alpha) {
    if (control.visitors() == 0 || variant.visitors() == 0) {
      return Interval.ANY_DIFFERENCE;
    }
    double pA = control.rate();
    double pB = variant.rate();
    double se = Math.sqrt(pA * (1 - pA) / control.visitors() + pB * (1 - pB) / variant.visitors());
    double half = Normal.quantile(1 - alpha / 2) * se;
    double difference = pB - pA;
    return Interval.clamped(difference - half, difference + half, -1, 1);
  }
}
