package dev.bespoke.core.stats;

import java.util.random.RandomGenerator;

/**
 * Draws from Beta distributions with a caller's random source, so a seeded source gives the same
 * draws on every run. {@code Beta(a, b) = X / (X + Y)} with {@code X ~ Gamma(a)}, {@code Y ~
 * Gamma(b)}; gammas by Marsaglia and Tsang, "A simple method for generating gamma variables" (ACM
 * TOMS 26(3), 2000), which needs only normal and uniform draws and has no tables.
 */
final class BetaSampler {

  private BetaSampler() {}

  static double beta(double a, double b, RandomGenerator random) {
    double x = gamma(a, random);
    double y = gamma(b, random);
    return x / (x + y);
  }

  static double gamma(double shape, RandomGenerator random) {
    if (shape < 1) {
      // Gamma(a) = Gamma(a + 1) · U^(1/a): the method itself needs a shape of at least 1.
      return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
