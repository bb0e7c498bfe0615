package dev.bespoke.store.experiment;

import java.time.Instant;
import java.util.List;

/**
 * An experiment as the admin API shows it. {@code status} is draft, running, stopped or archived
 * and read-only here; {@code alpha} is the significance threshold of the results.
 *
 * @param exposure when a visitor counts as exposed: {@code decision} (default) or {@code
 *     impression} (at the first impression event of a decision that named the experiment)
 * @param validFrom optional start of the window in which a running experiment takes in visitors
 * @param validUntil optional end of that window; exposed visitors' conversions still count after it
 * @param hashVersion the bucketing algorithm, set at creation and read-only
 * @param startedAt when a publisher started it; read-only
 * @param stoppedAt when a publisher stopped it; read-only
 */
public record Experiment(
    String key,
    String slot,
    String type,
    Integer trafficPercent,
    List<Arm> arms,
    String goal,
    Double alpha,
    String exposure,
    Instant validFrom,
    Instant validUntil,
    String status,
    Integer hashVersion,
    Instant startedAt,
    Instant stoppedAt,
    Long version) {

  /** One arm: in a holdout {@code control} or {@code personalised} without a variant. */
  public record Arm(String key, String variant, Integer weight) {}
}
