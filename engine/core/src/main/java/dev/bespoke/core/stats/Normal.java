package dev.bespoke.core.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.special.Erf;

/** The standard normal distribution, as the tests here need it. */
final class Normal {
  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);
  private static final double SQRT2 = Math.sqrt(2);

  private Normal() {}

  /**
   * {@code P(|Z| >= |z|) = erfc(|z| / sqrt 2)}. Through {@code erfc} rather than {@code 1 - Φ}
   * because the subtraction loses every digit of a small p-value.
   */
  static double twoSidedPValue(double z) {
    return Erf.erfc(Math.abs(z) / SQRT2);
  }

  /** {@code Φ⁻¹(p)}. */
  static double quantile(double p) {
    return STANDARD.inverseCumulativeProbability(p);
  }

  static double cdf(double z) {
    return STANDARD.cumulativeProbability(z);
  }
}
