package dev.bespoke.core.experiment;

import static dev.bespoke.core.experiment.ExperimentFixtures.ab;
import static dev.bespoke.core.experiment.ExperimentFixtures.holdout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Properties of the assignment over many visitors: arms get their weights, traffic changes never
 * move an included visitor, and the draws that should be independent are.
 */
class BucketingDistributionTest {
  private static final int VISITORS = 100_000;

  /** Visitor ids shaped like the ones Bespoke issues; a fixed seed keeps the test deterministic. */
  private static final List<String> IDS = visitorIds(VISITORS, 20_240_605L);

  private static List<String> visitorIds(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, count)
        .mapToObj(i -> new UUID(random.nextLong(), random.nextLong()).toString())
        .toList();
  }

  /**
   * Within four binomial standard deviations of {@code n · share}: a deterministic test, but one
   * that a hash with a real bias of 1% of an arm would fail.
   */
  private static void assertNear(long observed, long n, double share) {
    double expected = n * share;
    double tolerance = 4 * Math.sqrt(n * share * (1 - share));
    assertThat((double) observed).isBetween(expected - tolerance, expected + tolerance);
  }

  private static Map<String, Long> armCounts(ExperimentSpec experiment) {
    Map<String, Long> counts = new HashMap<>();
    for (String id : IDS) {
      Bucketing.assign(experiment, id).armKey().ifPresent(a -> counts.merge(a, 1L, Long::sum));
    }
    return counts;
  }

  @Test
  void threeEqualArmsGetAThirdEach() {
    Map<String, Long> counts =
        armCounts(ab("promo-ab", 100, "control", 1, "spring", 1, "summer", 1));
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(VISITORS);
    counts.values().forEach(c -> assertNear(c, VISITORS, 1 / 3.0));
  }

  @Test
  void unequalWeightsAreHonoured() {
    Map<String, Long> counts = armCounts(holdout("hero-holdout", 100, 10, 90));
    assertNear(counts.get("control"), VISITORS, 0.10);
    assertNear(counts.get("personalised"), VISITORS, 0.90);
  }

  @Test
  void aZeroWeightArmGetsNobody() {
    Map<String, Long> counts = armCounts(ab("banner", 100, "control", 3, "paused", 0, "subtle", 7));
    assertThat(counts).doesNotContainKey("paused");
    assertNear(counts.get("control"), VISITORS, 0.3);
  }

  @Test
  void trafficPercentAdmitsThatShare() {
    for (int percent : new int[] {1, 10, 50, 80}) {
      long in =
          armCounts(holdout("hero-holdout", percent)).values().stream().mapToLong(l -> l).sum();
      assertNear(in, VISITORS, percent / 100.0);
    }
    assertThat(armCounts(holdout("hero-holdout", 0))).isEmpty();
  }

  @Test
  void bucketsAreUniformOverDeciles() {
    long[] deciles = new long[10];
    IDS.forEach(id -> deciles[Bucketing.bucket("hero-holdout:arm", id) / 1000]++);
    for (long d : deciles) {
      assertNear(d, VISITORS, 0.1);
    }
  }

  @Test
  void raisingTrafficKeepsEveryIncludedVisitorInTheirArm() {
    ExperimentSpec at50 = holdout("hero-holdout", 50);
    ExperimentSpec at80 = holdout("hero-holdout", 80);
    long stayed = 0;
    long joined = 0;
    long joinedControl = 0;
    for (String id : IDS) {
      var before = Bucketing.assign(at50, id).armKey();
      var after = Bucketing.assign(at80, id).armKey();
      if (before.isPresent()) {
        assertThat(after).as("visitor %s", id).isEqualTo(before);
        stayed++;
      } else if (after.isPresent()) {
        joined++;
        joinedControl += after.get().equals("control") ? 1 : 0;
      }
    }
    assertNear(stayed, VISITORS, 0.5);
    assertNear(joined, VISITORS, 0.3);
    // Newcomers split like everyone else: the arm draw does not depend on the traffic draw.
    assertNear(joinedControl, joined, 0.5);
  }

  @Test
  void loweringThenRaisingTrafficMovesNobody() {
    ExperimentSpec at80 = holdout("hero-holdout", 80);
    ExperimentSpec at20 = holdout("hero-holdout", 20);
    for (String id : IDS) {
      var first = Bucketing.assign(at80, id).armKey();
      var lowered = Bucketing.assign(at20, id).armKey();
      var raisedAgain = Bucketing.assign(at80, id).armKey();
      if (lowered.isPresent()) {
        assertThat(lowered).as("visitor %s", id).isEqualTo(first);
      }
      assertThat(raisedAgain).as("visitor %s", id).isEqualTo(first);
    }
  }

  @Test
  void includedVisitorsSplitByWeightAtAnyTrafficLevel() {
    Map<String, Long> counts = armCounts(holdout("hero-holdout", 30, 20, 80));
    long in = counts.values().stream().mapToLong(l -> l).sum();
    assertNear(counts.get("control"), in, 0.2);
  }

  @Test
  void twoExperimentsAssignIndependently() {
    ExperimentSpec hero = holdout("hero-holdout", 100);
    ExperimentSpec promo = holdout("promo-holdout", 100);
    long bothControl = 0;
    for (String id : IDS) {
      boolean heroControl = Bucketing.assign(hero, id).armKey().orElseThrow().equals("control");
      boolean promoControl = Bucketing.assign(promo, id).armKey().orElseThrow().equals("control");
      bothControl += heroControl && promoControl ? 1 : 0;
    }
    // Correlated salts would put the same visitors in control everywhere (share near 0.5).
    assertNear(bothControl, VISITORS, 0.25);
  }

  @Test
  void assignmentIsStableAcrossCalls() {
    ExperimentSpec experiment = ab("promo-ab", 60, "control", 1, "spring", 2);
    for (String id : IDS.subList(0, 1000)) {
      assertThat(Bucketing.assign(experiment, id)).isEqualTo(Bucketing.assign(experiment, id));
    }
  }
}
