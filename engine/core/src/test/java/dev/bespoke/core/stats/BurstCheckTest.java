package dev.bespoke.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

import dev.bespoke.core.experiment.ExperimentFixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The burst rule at its boundaries, with the default thresholds unless a test names others. */
class BurstCheckTest {

  private static final long MINUTE = 60_000;
  private static final BurstRule RULE = BurstRule.DEFAULT;

  @Test
  @DisplayName("the issue's attack: 400 visitors in a window after a day of 2 a minute is a burst")
  void aFloodAfterSteadyTrafficIsABurst() {
    long age = 24 * 60 * MINUTE;
    long history = (24 * 60 - 10) * 2;
    BurstCheck check = BurstCheck.judge(RULE, age, history + 400, 400);
    assertThat(check.judged()).isTrue();
    assertThat(check.expected()).isCloseTo(20, offset(1e-9));
    assertThat(check.burst()).isTrue();
  }

  @Test
  void steadyTrafficIsNoBurst() {
    long age = 24 * 60 * MINUTE;
    BurstCheck check = BurstCheck.judge(RULE, age, 24 * 60 * 30, 10 * 30);
    assertThat(check.expected()).isCloseTo(300, offset(1e-9));
    assertThat(check.burst()).isFalse();
  }

  @Test
  @DisplayName("a busy hour at nine times the usual rate is not a burst; past ten times it is")
  void theFactorIsTheBoundary() {
    long age = 10 * MINUTE + 100 * MINUTE;
    // 100 minutes of history with 100 events: expected 10 in a ten-minute window
    assertThat(BurstCheck.judge(RULE, age, 100 + 100, 100).burst()).isFalse();
    assertThat(BurstCheck.judge(RULE, age, 100 + 101, 101).burst()).isTrue();
  }

  @Test
  @DisplayName("below the floor a window is never a burst, however quiet the history")
  void theFloorKeepsQuietExperimentsQuiet() {
    long age = 10 * MINUTE + 24 * 60 * MINUTE;
    assertThat(BurstCheck.judge(RULE, age, 49, 49).burst()).isFalse();
    assertThat(BurstCheck.judge(RULE, age, 50, 50).burst()).isTrue();
  }

  @Test
  @DisplayName("without half an hour of history before the window nothing is judged")
  void aYoungExperimentIsNotJudged() {
    BurstCheck young = BurstCheck.judge(RULE, 10 * MINUTE + 29 * MINUTE, 10_000, 10_000);
    assertThat(young.judged()).isFalse();
    assertThat(young.burst()).isFalse();
    assertThat(young.inWindow()).isEqualTo(10_000);
    assertThat(BurstCheck.judge(RULE, 10 * MINUTE + 30 * MINUTE, 10_000, 10_000).burst()).isTrue();
  }

  @Test
  void aWindowCannotHoldMoreThanTheTotal() {
    assertThatIllegalArgumentException().isThrownBy(() -> BurstCheck.judge(RULE, MINUTE, 1, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> new BurstRule(0, 0, 10, 50));
    assertThatIllegalArgumentException().isThrownBy(() -> new BurstRule(MINUTE, 0, 0, 50));
  }

  @Test
  @DisplayName("a burst makes a significant win untrustworthy, decided by the burst check")
  void aBurstOverridesASignificantWin() {
    var spec = ExperimentFixtures.ab("hero-ab", 100, "control", 1, "b", 1);
    List<ArmCounts> counts =
        List.of(new ArmCounts("control", 200, 20), new ArmCounts("b", 200, 100));
    ResultsCalculator calculator = new ResultsCalculator();
    assertThat(calculator.calculate(spec, counts).verdict()).isEqualTo(Verdict.SIGNIFICANT_WIN);

    BurstCheck flood = new BurstCheck(true, true, 120, 3.5);
    ExperimentResults results =
        calculator.calculate(spec, counts, new BurstFindings(BurstCheck.NONE, flood));
    assertThat(results.verdict()).isEqualTo(Verdict.UNTRUSTWORTHY_BURST);
    assertThat(results.basis()).isEqualTo(VerdictBasis.BURST_CHECK);
    assertThat(results.comparisons()).allMatch(c -> c.verdict() == Verdict.UNTRUSTWORTHY_BURST);
    assertThat(results.summary()).startsWith("Untrustworthy: 120 conversions (about 3.5 expected)");
  }
}
