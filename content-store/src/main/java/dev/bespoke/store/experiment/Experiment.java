package dev.bespoke.store.experiment;

import java.util.List;

/**
 * An experiment as the admin API shows it. {@code status} is draft, running, stopped or archived
 * and read-only here; {@code alpha} is the significance threshold of the results.
 */
public record Experiment(
    String key,
    String slot,
    String type,
    Integer trafficPercent,
    List<Arm> arms,
    String goal,
    Double alpha,
    String status,
    Long version) {

  /** One arm: in a holdout {@code control} or {@code personalised} without a variant. */
  public record Arm(String key, String variant, Integer weight) {}
}
