package dev.bespoke.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ChanceToBeatTest {

  @Test
  void identicalCountsAreACoinFlip() {
    for (long n : new long[] {0, 1, 10, 1_000, 100_000}) {
      ArmCounts a = new ArmCounts("a", n, n / 3);
      assertThat(ChanceToBeat.probability(a, a)).isCloseTo(0.5, offset(1e-9));
    }
  }

  @Test
  void swappingTheArmsGivesTheComplement() {
    ArmCounts a = new ArmCounts("a", 1_200, 130);
    ArmCounts b = new ArmCounts("b", 1_150, 142);
    assertThat(ChanceToBeat.probability(a, b) + ChanceToBeat.probability(b, a))
        .isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void aSingleVisitorEachHasTheTextbookValue() {
    // Beta(2,1) against Beta(1,2): P(X > Y) = 5/6 for X with density 2x and Y with 2(1 − y).
    assertThat(ChanceToBeat.probability(new ArmCounts("a", 1, 0), new ArmCounts("b", 1, 1)))
        .isCloseTo(5.0 / 6, offset(1e-12));
  }

  @Test
  void millionsOfConversionsUseTheNormalApproximationAndAgreeWithTheSum() {
    // Just below the switch the exact sum runs; just above, the approximation; both must agree.
    long n = 2L * ChanceToBeat.MAX_TERMS + 4;
    ArmCounts a = new ArmCounts("a", n, n / 2);
    ArmCounts b = new ArmCounts("b", n, n / 2 + 1_500);
    double approximate = ChanceToBeat.probability(a, b);
    assertThat(approximate).isBetween(0.6, 0.8);
    long m = 200_000;
    ArmCounts small = new ArmCounts("a", m, m / 2);
    ArmCounts smallB = new ArmCounts("b", m, m / 2 + 200);
    double exact = ChanceToBeat.probability(small, smallB);
    double mean = 0.5;
    double sd = Math.sqrt(2 * mean * mean / (m + 3.0));
    assertThat(exact).isCloseTo(Normal.cdf((200.0 / m) / sd), offset(1e-3));
  }

  @Test
  void largeExperimentsStayFast() {
    long start = System.nanoTime();
    ChanceToBeat.probability(
        new ArmCounts("a", 2_000_000, 200_000), new ArmCounts("b", 2_000_000, 201_000));
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
  }
}
