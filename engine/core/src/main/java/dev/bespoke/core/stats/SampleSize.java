package dev.bespoke.core.stats;

import java.util.OptionalDouble;

/**
 * Planning: how many visitors per arm a two-arm, equal-split test needs, and what it can detect.
 *
 * <p>For a baseline rate {@code p1}, an absolute effect {@code δ} ({@code p2 = p1 + δ}), a
 * two-sided level {@code alpha} and a power {@code 1 − β} (the normal approximation without
 * continuity correction, as in Fleiss, Levin and Paik, <i>Statistical Methods for Rates and
 * Proportions</i>, §4.2):
 *
 * <pre>
 *   p̄ = (p1 + p2)/2
 *   n = ⌈ ( z_{1−alpha/2} · sqrt(2 p̄(1 − p̄)) + z_{1−β} · sqrt(p1(1 − p1) + p2(1 − p2)) )² / δ² ⌉
 * </pre>
 *
 * The minimum detectable effect inverts that formula for {@code δ > 0} by bisection.
 *
 * <p>These figures plan a fixed-horizon test. The always-valid test that decides Bespoke's verdict
 * pays for the freedom to look at any time with more visitors when the effect is near the limit,
 * and fewer when it is much larger than planned; plan with these numbers and expect to wait
 * somewhat longer for a marginal effect.
 */
public final class SampleSize {

  private SampleSize() {}

  /** Visitors needed in each of the two arms. */
  public static long visitorsPerArm(
      double baselineRate, double absoluteEffect, double alpha, double power) {
    checkLevels(alpha, power);
    double p2 = baselineRate + absoluteEffect;
    if (!(baselineRate > 0 && baselineRate < 1 && p2 > 0 && p2 < 1) || absoluteEffect == 0) {
      throw new IllegalArgumentException(
          "need 0 < baseline < 1, 0 < baseline + effect < 1 and effect != 0");
    }
    return (long) Math.ceil(rawVisitors(baselineRate, absoluteEffect, alpha, power));
  }

  /**
   * The smallest upward absolute effect that {@code visitorsPerArm} per arm detect with the given
   * power; empty when no effect up to a rate of 1 would be detected.
   */
  public static OptionalDouble minimumDetectableEffect(
      double baselineRate, long visitorsPerArm, double alpha, double power) {
    checkLevels(alpha, power);
    if (!(baselineRate > 0 && baselineRate < 1) || visitorsPerArm < 1) {
      throw new IllegalArgumentException("need 0 < baseline < 1 and at least one visitor");
    }
    double low = 0;
    double high = 1 - baselineRate;
    if (rawVisitors(baselineRate, high, alpha, power) > visitorsPerArm) {
      return OptionalDouble.empty();
    }
    // The needed sample falls as the effect grows, so halve until the bracket is a few ulps wide.
    for (int i = 0; i < 200 && high - low > Math.ulp(high); i++) {
      double mid = (low + high) / 2;
      if (mid == low || mid == high) {
        break;
      }
      if (rawVisitors(baselineRate, mid, alpha, power) > visitorsPerArm) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return OptionalDouble.of(high);
  }

  private static double rawVisitors(double p1, double delta, double alpha, double power) {
    double p2 = p1 + delta;
    double mean = (p1 + p2) / 2;
    double numerator =
        Normal.quantile(1 - alpha / 2) * Math.sqrt(2 * mean * (1 - mean))
            + Normal.quantile(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return numerator * numerator / (delta * delta);
  }

  private static void checkLevels(double alpha, double power) {
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new IllegalArgumentException("alpha and power must be in (0, 1)");
    }
  }
}
