package dev.bespoke.server.snapshot;

import dev.bespoke.core.decision.SlotRule;
import dev.bespoke.core.experiment.ExperimentSpec;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A running experiment compiled for the delivery path.
 *
 * @param spec what the bucketing and the statistics need
 * @param slot the slot it runs on
 * @param validFrom start of the window in which it takes in visitors, or {@code null}
 * @param validUntil end of that window (exclusive), or {@code null}
 * @param startedAt when it was started
 * @param eligibility for an A/B test, the arms' non-default variants as a slot of their own: a
 *     visitor enters only when deciding on it does not fall back to a default, i.e. when at least
 *     one arm's variant is eligible for them. {@code null} for a holdout, which everyone enters
 */
public record RunningExperiment(
    ExperimentSpec spec,
    String slot,
    Instant validFrom,
    Instant validUntil,
    Instant startedAt,
    SlotRule eligibility) {

  public RunningExperiment {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(slot, "slot");
  }

  public String key() {
    return spec.key();
  }

  /** Whether {@code now} is inside the schedule, when new visitors may enter. */
  public boolean admitsAt(Instant now) {
    return (validFrom == null || !now.isBefore(validFrom))
        && (validUntil == null || now.isBefore(validUntil));
  }

  public Optional<SlotRule> eligibilityRule() {
    return Optional.ofNullable(eligibility);
  }
}
