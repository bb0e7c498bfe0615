package dev.bespoke.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ThompsonSamplerTest {
  private static final int DRAWS = 20_000;
  private final ThompsonSampler sampler = new ThompsonSampler();

  private Map<String, Double> shares(ThompsonSampler s, List<BanditArm> arms, long seed) {
    RandomGenerator random = new SplittableRandom(seed);
    Map<String, Double> shares = new HashMap<>();
    for (int i = 0; i < DRAWS; i++) {
      shares.merge(s.choose(arms, random), 1.0 / DRAWS, Double::sum);
    }
    return shares;
  }

  @Test
  void clearEvidenceSendsMostTrafficToTheBetterArm() {
    List<BanditArm> arms = List.of(new BanditArm("a", 1_000, 100), new BanditArm("b", 1_000, 200));
    Map<String, Double> shares = shares(sampler, arms, 1L);
    // Thompson alone would pick b almost always; the floor still sends a its 5%.
    assertThat(shares.get("b")).isGreaterThan(0.93);
    assertThat(shares.get("a")).isCloseTo(0.05, offset(0.01));
  }

  @Test
  void noEvidenceSpreadsTrafficEvenly() {
    List<BanditArm> arms =
        List.of(new BanditArm("a", 0, 0), new BanditArm("b", 0, 0), new BanditArm("c", 0, 0));
    shares(sampler, arms, 2L).values().forEach(s -> assertThat(s).isCloseTo(1 / 3.0, offset(0.02)));
  }

  @Test
  void littleEvidenceStillExplores() {
    List<BanditArm> arms = List.of(new BanditArm("a", 10, 1), new BanditArm("b", 10, 2));
    Map<String, Double> shares = shares(sampler, arms, 3L);
    assertThat(shares.get("a")).isBetween(0.2, 0.45);
  }

  @Test
  void theFloorHoldsForAHopelessArm() {
    List<BanditArm> arms =
        List.of(new BanditArm("dead", 10_000, 0), new BanditArm("live", 10_000, 5_000));
    assertThat(shares(new ThompsonSampler(0.2), arms, 4L).get("dead")).isCloseTo(0.1, offset(0.01));
    assertThat(shares(new ThompsonSampler(0), arms, 4L)).doesNotContainKey("dead");
  }

  @Test
  void theSameSeedGivesTheSameChoices() {
    List<BanditArm> arms = List.of(new BanditArm("a", 50, 5), new BanditArm("b", 50, 7));
    RandomGenerator first = new SplittableRandom(99L);
    RandomGenerator second = new SplittableRandom(99L);
    for (int i = 0; i < 1_000; i++) {
      assertThat(sampler.choose(arms, first)).isEqualTo(sampler.choose(arms, second));
    }
  }

  @Test
  void edgeCases() {
    assertThat(sampler.choose(List.of(new BanditArm("only", 0, 0)), new SplittableRandom(1)))
        .isEqualTo("only");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> sampler.choose(List.of(), new SplittableRandom(1)));
    assertThatIllegalArgumentException().isThrownBy(() -> new ThompsonSampler(1.5));
    assertThatIllegalArgumentException().isThrownBy(() -> new BanditArm("a", 1, 2));
    assertThat(sampler.explorationShare()).isEqualTo(0.10);
  }

  @Test
  void betaDrawsHaveTheRightMeanAndVariance() {
    RandomGenerator random = new SplittableRandom(5L);
    for (double[] ab : new double[][] {{3, 7}, {1, 1}, {0.5, 0.5}, {200, 800}}) {
      double a = ab[0];
      double b = ab[1];
      int n = 200_000;
      double sum = 0;
      double sumSquares = 0;
      for (int i = 0; i < n; i++) {
        double x = BetaSampler.beta(a, b, random);
        sum += x;
        sumSquares += x * x;
      }
      double mean = sum / n;
      double variance = sumSquares / n - mean * mean;
      double expectedMean = a / (a + b);
      double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
      assertThat(mean).isCloseTo(expectedMean, offset(5 * Math.sqrt(expectedVariance / n)));
      assertThat(variance).isCloseTo(expectedVariance, offset(0.02 * expectedVariance));
    }
  }
}
