package dev.bespoke.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Textbook values and round trips for the smaller formulas. */
class PlanningAndIntervalsTest {

  @Test
  void wilsonMatchesTextbookValues() {
    // Zero of ten: the upper bound is z²/(n + z²) = 3.8415/13.8415.
    Interval none = Wilson.interval(0, 10, 0.95);
    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isCloseTo(0.277533, offset(1e-6));
    Interval half = Wilson.interval(5, 10, 0.95);
    assertThat(half.lower()).isCloseTo(0.236593, offset(1e-6));
    assertThat(half.upper()).isCloseTo(0.763407, offset(1e-6));
    assertThat(Wilson.interval(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
  }

  @Test
  void chiSquareOfThreePointEightFourIsFivePercent() {
    // 5,098 against 4,902 at 50/50: χ² = 2·98²/5,000 = 3.8416, just past the 5% point.
    SrmCheck srm = SrmCheck.test(new long[] {5_098, 4_902}, new long[] {1, 1});
    assertThat(srm.chiSquare()).isCloseTo(3.8416, offset(1e-9));
    assertThat(srm.pValue()).isCloseTo(0.05, offset(1e-4));
    assertThat(srm.mismatch()).isFalse();
  }

  @Test
  void sampleSizeAndDetectableEffectInvertEachOther() {
    long n = SampleSize.visitorsPerArm(0.10, 0.02, 0.05, 0.8);
    assertThat(n).isEqualTo(3_841);
    double mde = SampleSize.minimumDetectableEffect(0.10, n, 0.05, 0.8).orElseThrow();
    assertThat(mde).isLessThanOrEqualTo(0.02).isCloseTo(0.02, offset(1e-4));
    assertThat(SampleSize.visitorsPerArm(0.10, mde, 0.05, 0.8)).isLessThanOrEqualTo(n);
  }

  @Test
  void tooFewVisitorsDetectNothing() {
    assertThat(SampleSize.minimumDetectableEffect(0.5, 1, 0.05, 0.8)).isEmpty();
  }

  @Test
  void planningRejectsImpossibleInputs() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SampleSize.visitorsPerArm(0.95, 0.1, 0.05, 0.8));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SampleSize.visitorsPerArm(0.1, 0, 0.05, 0.8));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SampleSize.visitorsPerArm(0.1, 0.01, 0.05, 1));
  }
}
