package dev.bespoke.core.stats;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A bandit that learns which choice earns the most and sends it more traffic, by Thompson sampling:
 * each arm's reward rate gets the posterior {@code Beta(1 + successes, 1 + trials − successes)} (a
 * uniform prior), one draw is taken from every posterior, and the arm with the highest draw is
 * shown. An arm is therefore chosen with the probability that it is the best given the evidence so
 * far: much evidence concentrates traffic, little evidence spreads it.
 *
 * <p><b>Exploration floor.</b> With probability {@code explorationShare} (10% by default) the arm
 * is instead chosen uniformly at random, so every one of {@code k} arms keeps at least {@code
 * explorationShare / k} of the traffic however far behind it falls. Without a floor an arm that
 * starts unluckily can be starved and never recover, and a change in visitors' taste (a season, a
 * campaign) would go unnoticed.
 *
 * <p>This optimises what is shown; it is not a test. Its allocation follows the data, so the counts
 * it produces must not be fed to {@link ResultsCalculator} as if they came from a fixed split (the
 * sample-ratio check would rightly fail them), and it makes no significance claim.
 */
public final class ThompsonSampler {

  public static final double DEFAULT_EXPLORATION_SHARE = 0.10;

  private final double explorationShare;

  public ThompsonSampler(double explorationShare) {
    if (!(explorationShare >= 0 && explorationShare <= 1)) {
      throw new IllegalArgumentException(
          "explorationShare must be in [0, 1], was " + explorationShare);
    }
    this.explorationShare = explorationShare;
  }

  public ThompsonSampler() {
    this(DEFAULT_EXPLORATION_SHARE);
  }

  public double explorationShare() {
    return explorationShare;
  }

  /**
   * The key of the arm to show.
   *
   * @param random the only source of randomness, so tests pass a seeded generator and the server a
   *     per-thread one
   */
  public String choose(List<BanditArm> arms, RandomGenerator random) {
    if (arms.isEmpty()) {
      throw new IllegalArgumentException("a bandit needs at least one arm");
    }
    if (arms.size() == 1) {
      return arms.get(0).key();
    }
    if (random.nextDouble() < explorationShare) {
      return arms.get(random.nextInt(arms.size())).key();
    }
    BanditArm best = null;
    double bestDraw = Double.NEGATIVE_INFINITY;
    for (BanditArm arm : arms) {
      double draw =
          BetaSampler.beta(1.0 + arm.successes(), 1.0 + arm.trials() - arm.successes(), random);
      if (draw > bestDraw) {
        bestDraw = draw;
        best = arm;
      }
    }
    return best.key();
  }
}
