package dev.bespoke.core.stats;

import java.util.Objects;

/**
 * What a bandit knows about one choice: how often it was shown and how often that led to the reward
 * (a click or a conversion).
 */
public record BanditArm(String key, long trials, long successes) {

  public BanditArm {
    Objects.requireNonNull(key, "key");
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "arm " + key + ": need 0 <= successes <= trials, got " + successes + "/" + trials);
    }
  }
}
