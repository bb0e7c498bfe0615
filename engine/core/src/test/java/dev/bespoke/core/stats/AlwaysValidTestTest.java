package dev.bespoke.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AlwaysValidTestTest {
  private final AlwaysValidTest test = new AlwaysValidTest();

  @Test
  void thePValueAndTheSequenceAgree() {
    for (long n : new long[] {100, 1_000, 10_000, 100_000}) {
      for (double lift = -0.05; lift <= 0.05; lift += 0.0025) {
        ArmCounts a = new ArmCounts("a", n, Math.round(n * 0.2));
        ArmCounts b = new ArmCounts("b", n, Math.round(n * (0.2 + lift)));
        for (double alpha : new double[] {0.01, 0.05, 0.1}) {
          SequentialEvidence e = test.evaluate(a, b, alpha);
          assertThat(e.pValue() < alpha)
              .as("n %d lift %.4f alpha %s", n, lift, alpha)
              .isEqualTo(!e.confidenceSequence().contains(0));
        }
      }
    }
  }

  @Test
  void theSequenceIsWiderThanTheFixedHorizonInterval() {
    ArmCounts a = new ArmCounts("a", 5_000, 500);
    ArmCounts b = new ArmCounts("b", 5_000, 560);
    Interval sequence = test.evaluate(a, b, 0.05).confidenceSequence();
    Interval fixed = FixedHorizonTest.compare(a, b, 0.05).difference();
    assertThat(sequence.lower()).isLessThan(fixed.lower());
    assertThat(sequence.upper()).isGreaterThan(fixed.upper());
  }

  @Test
  void noVarianceMeansNoEvidence() {
    assertThat(test.evaluate(new ArmCounts("a", 0, 0), new ArmCounts("b", 10, 5), 0.05))
        .isEqualTo(SequentialEvidence.NONE);
    assertThat(test.evaluate(new ArmCounts("a", 500, 0), new ArmCounts("b", 500, 0), 0.05))
        .isEqualTo(SequentialEvidence.NONE);
    assertThat(test.evaluate(new ArmCounts("a", 500, 500), new ArmCounts("b", 500, 500), 0.05))
        .isEqualTo(SequentialEvidence.NONE);
  }

  @Test
  void narrowingKeepsTheSmallestPValueAndTheIntersection() {
    SequentialEvidence now = new SequentialEvidence(0.2, new Interval(-0.01, 0.03));
    SequentialEvidence earlier = new SequentialEvidence(0.04, new Interval(0.001, 0.05));
    SequentialEvidence narrowed = now.narrowedBy(earlier);
    assertThat(narrowed.pValue()).isEqualTo(0.04);
    assertThat(narrowed.confidenceSequence()).isEqualTo(new Interval(0.001, 0.03));
    SequentialEvidence disjoint = new SequentialEvidence(0.5, new Interval(0.04, 0.06));
    assertThat(now.narrowedBy(disjoint).confidenceSequence()).isEqualTo(now.confidenceSequence());
  }

  @Test
  void theMixtureVarianceMustBePositive() {
    assertThatIllegalArgumentException().isThrownBy(() -> new AlwaysValidTest(0));
    assertThatIllegalArgumentException().isThrownBy(() -> new AlwaysValidTest(Double.NaN));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> test.evaluate(new ArmCounts("a", 1, 0), new ArmCounts("b", 1, 0), 0));
    assertThat(test.mixtureVariance()).isEqualTo(AlwaysValidTest.DEFAULT_MIXTURE_VARIANCE);
  }
}
