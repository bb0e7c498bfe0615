package dev.bespoke.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Experiments for the core's tests, built once here rather than spelled out in every test. */
public final class ExperimentFixtures {

  private ExperimentFixtures() {}

  /** A 50/50 holdout on {@code purchase} at alpha 0.05. */
  public static ExperimentSpec holdout(String key, int trafficPercent) {
    return holdout(key, trafficPercent, 50, 50);
  }

  public static ExperimentSpec holdout(
      String key, int trafficPercent, int controlWeight, int personalisedWeight) {
    return ExperimentSpec.of(
        key,
        ExperimentType.HOLDOUT,
        trafficPercent,
        List.of(
            Arm.of(ExperimentSpec.CONTROL, controlWeight),
            Arm.of(ExperimentSpec.PERSONALISED, personalisedWeight)),
        "purchase",
        0.05);
  }

  /**
   * An A/B test whose arms serve variants named like the arms; {@code armsAndWeights} alternates
   * arm key and weight: {@code ab("promo", 100, "control", 1, "spring", 1)}.
   */
  public static ExperimentSpec ab(String key, int trafficPercent, Object... armsAndWeights) {
    List<Arm> arms = new ArrayList<>();
    for (int i = 0; i < armsAndWeights.length; i += 2) {
      String arm = (String) armsAndWeights[i];
      arms.add(new Arm(arm, arm + "-variant", (Integer) armsAndWeights[i + 1]));
    }
    return ExperimentSpec.of(key, ExperimentType.AB, trafficPercent, arms, "purchase", 0.05);
  }

  /** The {@code experiment} object of a golden assignment case, as an A/B test. */
  public static ExperimentSpec fromGolden(JsonNode experiment) {
    List<Arm> arms = new ArrayList<>();
    experiment
        .get("arms")
        .forEach(
            a ->
                arms.add(
                    new Arm(
                        a.get("key").textValue(),
                        a.get("key").textValue(),
                        a.get("weight").intValue())));
    return new ExperimentSpec(
        experiment.get("key").textValue(),
        ExperimentType.AB,
        experiment.get("trafficPercent").intValue(),
        arms,
        "purchase",
        0.05,
        ExposureMode.DECISION,
        experiment.get("hashVersion").intValue());
  }
}
