package dev.bespoke.core.experiment;

import java.util.Objects;

/**
 * One arm of an experiment.
 *
 * @param key the arm's name, unique within the experiment ({@code control}, {@code personalised},
 *     {@code spring-banner})
 * @param variantKey the variant an A/B arm serves; {@code null} in a holdout, where {@code control}
 *     serves the slot's default and {@code personalised} the normal decision
 * @param weight the arm's share of the experiment's traffic relative to the other arms. Whole
 *     numbers on purpose: the bucket boundaries are then integer arithmetic that every client
 *     language computes identically, with no floating-point rounding to disagree about
 */
public record Arm(String key, String variantKey, int weight) {

  public Arm {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("arm key must not be blank");
    }
    if (weight < 0) {
      throw new IllegalArgumentException("arm " + key + ": weight must be >= 0, was " + weight);
    }
  }

  /** A holdout arm, which names no variant. */
  public static Arm of(String key, int weight) {
    return new Arm(key, null, weight);
  }
}
