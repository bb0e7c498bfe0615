package dev.bespoke.core.stats;

import org.hipparchus.special.Beta;

/**
 * The Bayesian chance that a variant's true rate is above the control's, computed exactly.
 *
 * <p>Each arm's rate gets a uniform prior, so its posterior is {@code Beta(α, β)} with {@code α = 1
 * + c} and {@code β = 1 + n − c}. For integer {@code αB} (Evan Miller, "Formulas for Bayesian A/B
 * testing", 2015):
 *
 * <pre>
 *   P(pB > pA) = Σ_{i=0}^{αB−1} B(αA + i, βA + βB) / ((βB + i) · B(1 + i, βB) · B(αA, βA))
 * </pre>
 *
 * where {@code B} is the beta function. The sum has {@code αB} terms; by the symmetries {@code P(pB
 * > pA) = 1 − P(pA > pB)} and {@code P(pB > pA) = P(1 − pA > 1 − pB)} the same formula can run over
 * {@code αA}, {@code βA} or {@code βB} instead, so the smallest of the four is used. The sum is
 * kept in log space, because single terms can lie far below the smallest double, and costs a few
 * nanoseconds a term: a million conversions take milliseconds.
 *
 * <p>Exact rather than Monte Carlo, so the figure does not wobble between two reads of the same
 * counts. Only when even the smallest parameter exceeds {@value #MAX_TERMS} (millions of
 * conversions and of non-conversions in every arm) does it switch to the normal approximation of
 * the two posteriors, whose error at that size is far below what is shown.
 *
 * <p>This is a description of belief under a flat prior, not a test: it answers "how likely is B
 * better, given only this data", and it says nothing about how often acting on it would be wrong.
 */
public final class ChanceToBeat {

  static final int MAX_TERMS = 5_000_000;

  /** Often enough that product drift stays near 1e-13, rarely enough to cost nothing. */
  private static final int ANCHOR_EVERY = 512;

  private ChanceToBeat() {}

  /** {@code P(p_variant > p_control)}, in [0, 1]. */
  public static double probability(ArmCounts control, ArmCounts variant) {
    double aA = 1.0 + control.conversions();
    double bA = 1.0 + control.nonConversions();
    double aB = 1.0 + variant.conversions();
    double bB = 1.0 + variant.nonConversions();
    double smallest = Math.min(Math.min(aA, bA), Math.min(aB, bB));
    double p;
    if (smallest > MAX_TERMS) {
      p = normalApproximation(aA, bA, aB, bB);
    } else if (smallest == aB) {
      p = sumOverAlphaB(aA, bA, aB, bB);
    } else if (smallest == aA) {
      p = 1 - sumOverAlphaB(aB, bB, aA, bA);
    } else if (smallest == bA) {
      p = sumOverAlphaB(bB, aB, bA, aA);
    } else {
      p = 1 - sumOverAlphaB(bA, aA, bB, aB);
    }
    return Math.max(0, Math.min(1, p));
  }

  /**
   * {@code P(X_B > X_A)} for {@code X ~ Beta}, summing over {@code i < aB}.
   *
   * <p>Consecutive terms differ by the factor {@code t(i+1)/t(i) = (aA + i)(bB + i) / ((aA + bA +
   * bB + i)(i + 1))}, so most terms cost a few multiplications. Every {@value #ANCHOR_EVERY} terms,
   * and whenever the running term leaves a safe range of doubles, the term is recomputed exactly
   * from log-beta functions, which bounds the rounding drift of the products to about 1e-13.
   */
  private static double sumOverAlphaB(double aA, double bA, double aB, double bB) {
    double logBetaA = Beta.logBeta(aA, bA);
    double s = aA + bA + bB;
    long count = (long) aB;
    double logTotal = Double.NEGATIVE_INFINITY;
    long i = 0;
    while (i < count) {
      double logAnchor =
          Beta.logBeta(aA + i, bA + bB) - Math.log(bB + i) - Beta.logBeta(1.0 + i, bB) - logBetaA;
      double term = 1;
      double sum = 0;
      long end = Math.min(count, i + ANCHOR_EVERY);
      while (i < end) {
        sum += term;
        term *= (aA + i) * (bB + i) / ((s + i) * (i + 1.0));
        i++;
        if (term > 1e250 || term < 1e-250) {
          break;
        }
      }
      logTotal = logAddExp(logTotal, Math.log(sum) + logAnchor);
    }
    return Math.exp(logTotal);
  }

  private static double logAddExp(double x, double y) {
    double max = Math.max(x, y);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(Math.exp(x - max) + Math.exp(y - max));
  }

  private static double normalApproximation(double aA, double bA, double aB, double bB) {
    double meanA = aA / (aA + bA);
    double meanB = aB / (aB + bB);
    double varA = aA * bA / ((aA + bA) * (aA + bA) * (aA + bA + 1));
    double varB = aB * bB / ((aB + bB) * (aB + bB) * (aB + bB + 1));
    return Normal.cdf((meanB - meanA) / Math.sqrt(varA + varB));
  }
}
