package dev.bespoke.core.experiment;

import static dev.bespoke.core.experiment.ExperimentFixtures.ab;
import static dev.bespoke.core.experiment.ExperimentFixtures.holdout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {

  private static ExperimentSpec spec(
      ExperimentType type, int traffic, List<Arm> arms, double alpha, int hashVersion) {
    return new ExperimentSpec(
        "exp", type, traffic, arms, "purchase", alpha, ExposureMode.DECISION, hashVersion);
  }

  private static final List<Arm> HOLDOUT_ARMS =
      List.of(Arm.of("control", 1), Arm.of("personalised", 1));

  @Test
  void aValidHoldoutKeepsItsFields() {
    ExperimentSpec spec = holdout("hero-holdout", 80);
    assertThat(spec.controlArm().key()).isEqualTo("control");
    assertThat(spec.totalWeight()).isEqualTo(100);
    assertThat(spec.hashVersion()).isEqualTo(Bucketing.HASH_VERSION);
    assertThat(spec.exposure()).isEqualTo(ExposureMode.DECISION);
    assertThat(spec.arm("personalised")).isPresent();
  }

  @Test
  void theControlOfAnAbTestIsTheArmNamedControlElseTheFirst() {
    assertThat(ab("a", 100, "spring", 1, "control", 1).controlArm().key()).isEqualTo("control");
    assertThat(ab("a", 100, "old", 1, "new", 1).controlArm().key()).isEqualTo("old");
  }

  @Test
  void rejectsWhatCouldNotBeAssignedOrReadHonestly() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> spec(ExperimentType.HOLDOUT, 101, HOLDOUT_ARMS, 0.05, 1))
        .withMessageContaining("trafficPercent");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> spec(ExperimentType.HOLDOUT, -1, HOLDOUT_ARMS, 0.05, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> spec(ExperimentType.HOLDOUT, 100, HOLDOUT_ARMS, 0, 1))
        .withMessageContaining("alpha");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> spec(ExperimentType.HOLDOUT, 100, HOLDOUT_ARMS, Double.NaN, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> spec(ExperimentType.HOLDOUT, 100, HOLDOUT_ARMS, 0.05, 2))
        .withMessageContaining("hashVersion");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> spec(ExperimentType.AB, 100, List.of(new Arm("a", "v", 1)), 0.05, 1))
        .withMessageContaining("two arms");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                spec(
                    ExperimentType.AB,
                    100,
                    List.of(new Arm("a", "v", 1), new Arm("a", "w", 1)),
                    0.05,
                    1))
        .withMessageContaining("duplicate");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                spec(
                    ExperimentType.AB,
                    100,
                    List.of(new Arm("control", "v", 0), new Arm("b", "w", 1)),
                    0.05,
                    1))
        .withMessageContaining("control arm");
    assertThatIllegalArgumentException().isThrownBy(() -> new Arm("a", "v", -1));
  }

  @Test
  void holdoutArmsAreFixed() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                spec(
                    ExperimentType.HOLDOUT,
                    100,
                    List.of(Arm.of("control", 1), Arm.of("treatment", 1)),
                    0.05,
                    1))
        .withMessageContaining("personalised");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                spec(
                    ExperimentType.HOLDOUT,
                    100,
                    List.of(new Arm("control", "v", 1), Arm.of("personalised", 1)),
                    0.05,
                    1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> spec(ExperimentType.AB, 100, HOLDOUT_ARMS, 0.05, 1))
        .withMessageContaining("names a variant");
  }

  @Test
  void keysFollowTheApiPattern() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ExperimentSpec(
                    "Hero Holdout",
                    ExperimentType.HOLDOUT,
                    100,
                    HOLDOUT_ARMS,
                    "purchase",
                    0.05,
                    ExposureMode.DECISION,
                    1));
  }

  @Test
  void wireNamesRoundTrip() {
    for (ExperimentType type : ExperimentType.values()) {
      assertThat(ExperimentType.fromWire(type.wireName())).isEqualTo(type);
    }
    for (ExposureMode mode : ExposureMode.values()) {
      assertThat(ExposureMode.fromWire(mode.wireName())).isEqualTo(mode);
    }
    assertThat(ExperimentType.AB.wireName()).isEqualTo("ab");
  }

  @Test
  void armsAreCopied() {
    var arms = new java.util.ArrayList<>(HOLDOUT_ARMS);
    ExperimentSpec spec = spec(ExperimentType.HOLDOUT, 100, arms, 0.05, 1);
    arms.clear();
    assertThat(spec.arms()).hasSize(2);
  }
}
