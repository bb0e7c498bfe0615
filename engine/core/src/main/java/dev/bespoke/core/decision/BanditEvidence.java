package dev.bespoke.core.decision;

import dev.bespoke.core.stats.BanditArm;
import dev.bespoke.core.stats.ThompsonSampler;

/**
 * What a {@link Strategy#BANDIT} slot has learnt so far: for one slot, one bandit context (see
 * {@link BanditContext}) and one variant, how often the variant was served and how often that led
 * to a click or a conversion. The server keeps the counts; the core only reads them.
 */
public interface BanditEvidence {

  /** No evidence at all: every variant is equally likely, which is how a bandit starts. */
  BanditEvidence NONE = (slot, context, variant) -> new BanditArm(variant, 0, 0);

  /** The counts for one variant; {@code key()} of the answer is the variant key. */
  BanditArm arm(String slot, String context, String variant);

  /** The share of decisions picked uniformly at random, so no variant is ever starved. */
  default double explorationShare() {
    return ThompsonSampler.DEFAULT_EXPLORATION_SHARE;
  }
}
