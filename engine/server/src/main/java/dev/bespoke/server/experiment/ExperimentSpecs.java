package dev.bespoke.server.experiment;

import dev.bespoke.core.experiment.Arm;
import dev.bespoke.core.experiment.Bucketing;
import dev.bespoke.core.experiment.ExperimentSpec;
import dev.bespoke.core.experiment.ExperimentType;
import dev.bespoke.core.experiment.ExposureMode;
import dev.bespoke.store.experiment.Experiment;
import java.util.Objects;

/** The stored experiment as the core's {@link ExperimentSpec}. */
public final class ExperimentSpecs {

  private ExperimentSpecs() {}

  /**
   * @throws IllegalArgumentException when the stored definition is one the core cannot assign or
   *     analyse (only possible for rows written by an older version)
   */
  public static ExperimentSpec of(Experiment e) {
    return new ExperimentSpec(
        e.key(),
        ExperimentType.fromWire(e.type()),
        Objects.requireNonNullElse(e.trafficPercent(), 100),
        e.arms().stream()
            .map(a -> new Arm(a.key(), a.variant(), Objects.requireNonNullElse(a.weight(), 1)))
            .toList(),
        e.goal(),
        Objects.requireNonNullElse(e.alpha(), 0.05),
        ExposureMode.fromWire(Objects.requireNonNullElse(e.exposure(), "decision")),
        Objects.requireNonNullElse(e.hashVersion(), Bucketing.HASH_VERSION));
  }
}
