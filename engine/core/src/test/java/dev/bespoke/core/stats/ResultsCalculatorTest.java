package dev.bespoke.core.stats;

import static dev.bespoke.core.experiment.ExperimentFixtures.ab;
import static dev.bespoke.core.experiment.ExperimentFixtures.holdout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.core.experiment.ExperimentSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsCalculatorTest {
  private final ResultsCalculator calculator = new ResultsCalculator();
  private final ExperimentSpec holdout = holdout("hero-holdout", 100);

  private ExperimentResults holdoutResults(long nC, long cC, long nP, long cP) {
    return calculator.calculate(
        holdout, List.of(new ArmCounts("control", nC, cC), new ArmCounts("personalised", nP, cP)));
  }

  @Test
  void fewVisitorsGiveNoVerdict() {
    ExperimentResults results = holdoutResults(57, 4, 61, 9);
    assertThat(results.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
    assertThat(results.basis()).isEqualTo(VerdictBasis.MINIMUM_EVIDENCE);
    assertThat(results.summary())
        .startsWith("Not enough data yet")
        .contains("at least 100 visitors, 10 conversions and 10 visitors who did not convert")
        .contains("control has 57 visitors and 4 conversions");
    assertThat(results.comparison("personalised").orElseThrow().verdict())
        .isEqualTo(Verdict.NOT_ENOUGH_DATA);
  }

  @Test
  void aRealLiftIsASignificantWin() {
    ExperimentResults results = holdoutResults(10_000, 1_000, 10_000, 1_250);
    assertThat(results.verdict()).isEqualTo(Verdict.SIGNIFICANT_WIN);
    assertThat(results.basis()).isEqualTo(VerdictBasis.ALWAYS_VALID_TEST);
    Comparison c = results.comparison("personalised").orElseThrow();
    assertThat(c.significant()).isTrue();
    assertThat(c.absoluteLift()).isCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(c.relativeLift()).hasValueCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(c.sequential().confidenceSequence().lower()).isPositive();
    assertThat(c.chanceToBeatControl()).isGreaterThan(0.99);
    assertThat(results.summary())
        .startsWith("Significant win.")
        .contains("personalised beats control: 12.50% vs 10.00% for control (+2.50 points, +25.0%)")
        .contains("The always-valid test decided it (p < 0.0001, below 0.05)")
        .contains("between +1.12 and +3.88 points")
        .endsWith("Chance to beat control: above 99.9%.");
  }

  @Test
  void aRealDropIsASignificantLoss() {
    ExperimentResults results = holdoutResults(10_000, 1_250, 10_000, 1_000);
    assertThat(results.verdict()).isEqualTo(Verdict.SIGNIFICANT_LOSS);
    assertThat(results.summary())
        .startsWith("Significant loss: no variant does better than control.")
        .contains("personalised loses to control");
  }

  @Test
  void aFixedHorizonSignificanceAloneDoesNotStopTheExperiment() {
    ExperimentResults results = holdoutResults(10_000, 1_000, 10_000, 1_090);
    Comparison c = results.comparison("personalised").orElseThrow();
    assertThat(c.fixedHorizon().pValue()).isLessThan(0.05);
    assertThat(c.fixedHorizon().significant()).isTrue();
    assertThat(c.sequential().pValue()).isGreaterThan(0.05);
    assertThat(c.significant()).isFalse();
    assertThat(results.verdict()).isEqualTo(Verdict.NOT_YET_CONCLUSIVE);
    assertThat(results.summary())
        .startsWith("Not yet conclusive; keep the experiment running.")
        .contains("The fixed-horizon z-test alone would say p = 0.03")
        .contains("no reason to stop now");
  }

  @Test
  void aBrokenSplitIsUntrustworthyWhateverElseItShows() {
    ExperimentResults results = holdoutResults(5_300, 530, 4_700, 700);
    assertThat(results.srm().mismatch()).isTrue();
    assertThat(results.verdict()).isEqualTo(Verdict.UNTRUSTWORTHY_SRM);
    assertThat(results.basis()).isEqualTo(VerdictBasis.SAMPLE_RATIO_CHECK);
    assertThat(results.comparisons()).allMatch(c -> c.verdict() == Verdict.UNTRUSTWORTHY_SRM);
    assertThat(results.summary())
        .startsWith("Untrustworthy: the visitor split does not match the configured weights")
        .contains("control has 5,300 visitors, 53.0% against a planned 50.0%")
        .contains("below 0.001");
  }

  @Test
  void aSplitThatMatchesUnequalWeightsIsFine() {
    ExperimentSpec tenNinety = holdout("hero-holdout", 100, 10, 90);
    ExperimentResults results =
        calculator.calculate(
            tenNinety,
            List.of(
                new ArmCounts("control", 1_010, 101), new ArmCounts("personalised", 8_990, 900)));
    assertThat(results.srm().mismatch()).isFalse();
    assertThat(results.arm("control").orElseThrow().configuredShare()).isEqualTo(0.1);
    assertThat(results.arm("control").orElseThrow().observedShare()).isEqualTo(0.101);
  }

  @Test
  void severalVariantsShareAlphaAndOneWinnerIsEnough() {
    ExperimentSpec threeArms = ab("promo-ab", 100, "control", 1, "spring", 1, "summer", 1);
    ExperimentResults results =
        calculator.calculate(
            threeArms,
            List.of(
                new ArmCounts("control", 10_000, 1_000),
                new ArmCounts("spring", 10_000, 1_020),
                new ArmCounts("summer", 10_000, 1_300)));
    assertThat(results.comparisons()).extracting(Comparison::alpha).containsOnly(0.025);
    assertThat(results.comparison("summer").orElseThrow().verdict())
        .isEqualTo(Verdict.SIGNIFICANT_WIN);
    assertThat(results.comparison("spring").orElseThrow().verdict())
        .isEqualTo(Verdict.NOT_YET_CONCLUSIVE);
    assertThat(results.verdict()).isEqualTo(Verdict.SIGNIFICANT_WIN);
    assertThat(results.summary()).contains("summer beats control").doesNotContain("spring");
  }

  @Test
  void aLossNeedsEveryVariantToLose() {
    ExperimentSpec threeArms = ab("promo-ab", 100, "control", 1, "spring", 1, "summer", 1);
    ExperimentResults results =
        calculator.calculate(
            threeArms,
            List.of(
                new ArmCounts("control", 10_000, 1_300),
                new ArmCounts("spring", 10_000, 1_290),
                new ArmCounts("summer", 10_000, 1_000)));
    assertThat(results.comparison("summer").orElseThrow().verdict())
        .isEqualTo(Verdict.SIGNIFICANT_LOSS);
    assertThat(results.verdict()).isEqualTo(Verdict.NOT_YET_CONCLUSIVE);
    assertThat(results.summary()).contains("(On its own: a significant loss.)");
  }

  @Test
  void earlierEvidenceIsKeptSoAVerdictIsNotWithdrawnByNoise() {
    SequentialEvidence earlier = new SequentialEvidence(0.001, new Interval(0.004, 0.03));
    ExperimentResults results =
        calculator.calculate(
            holdout,
            List.of(
                new ArmCounts("control", 10_000, 1_000),
                new ArmCounts("personalised", 10_000, 1_090)),
            Map.of("personalised", earlier));
    Comparison c = results.comparison("personalised").orElseThrow();
    assertThat(c.sequential().pValue()).isEqualTo(0.001);
    assertThat(c.sequential().confidenceSequence().lower()).isEqualTo(0.004);
    assertThat(results.verdict()).isEqualTo(Verdict.SIGNIFICANT_WIN);
  }

  @Test
  void armsWithoutCountsHaveNoVisitorsYet() {
    ExperimentResults results = calculator.calculate(holdout, List.of());
    assertThat(results.arms()).extracting(ArmResult::visitors).containsOnly(0L);
    assertThat(results.arm("control").orElseThrow().rateInterval()).isEqualTo(new Interval(0, 1));
    assertThat(results.srm().pValue()).isEqualTo(1.0);
    assertThat(results.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
  }

  @Test
  void relativeLiftIsAbsentWhileTheControlHasNoConversions() {
    ExperimentResults results = holdoutResults(200, 0, 200, 12);
    assertThat(results.comparison("personalised").orElseThrow().relativeLift()).isEmpty();
  }

  @Test
  void visitorsInAZeroWeightArmAreAMismatch() {
    ExperimentSpec paused = ab("banner", 100, "control", 1, "paused", 0, "subtle", 1);
    ExperimentResults results =
        calculator.calculate(
            paused,
            List.of(
                new ArmCounts("control", 1_000, 100),
                new ArmCounts("paused", 40, 4),
                new ArmCounts("subtle", 1_000, 100)));
    assertThat(results.verdict()).isEqualTo(Verdict.UNTRUSTWORTHY_SRM);
  }

  @Test
  void countsMustMatchTheExperiment() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> calculator.calculate(holdout, List.of(new ArmCounts("treatment", 1, 0))))
        .withMessageContaining("no arm treatment");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                calculator.calculate(
                    holdout,
                    List.of(new ArmCounts("control", 1, 0), new ArmCounts("control", 2, 0))));
    assertThatIllegalArgumentException().isThrownBy(() -> new ArmCounts("a", 1, 2));
  }

  @Test
  void resultsAreImmutable() {
    ExperimentResults results = holdoutResults(10_000, 1_000, 10_000, 1_250);
    assertThatThrownBy(() -> results.arms().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> results.comparisons().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aStricterPolicyWaitsLonger() {
    ResultsCalculator strict =
        new ResultsCalculator(new ResultsPolicy(20_000, 10, 10, 0.001, 0.0004));
    ExperimentResults results =
        strict.calculate(
            holdout,
            List.of(
                new ArmCounts("control", 10_000, 1_000),
                new ArmCounts("personalised", 10_000, 1_250)));
    assertThat(results.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
  }
}
