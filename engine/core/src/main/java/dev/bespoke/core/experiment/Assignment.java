package dev.bespoke.core.experiment;

import java.util.Optional;

/**
 * Where a unit falls in one experiment. Both buckets are kept, even for a unit outside the traffic,
 * so a trace or a support question ("why did this visitor not see the test?") can be answered from
 * the assignment alone.
 */
public sealed interface Assignment {

  String experimentKey();

  /**
   * The unit's traffic bucket, 0..9,999; the unit is in the experiment when it is below the cut.
   */
  int trafficBucket();

  /** The arm key, or empty when the unit is not in the experiment. */
  Optional<String> armKey();

  /** Outside the experiment's traffic share: the unit sees what it would see with no experiment. */
  record NotInExperiment(String experimentKey, int trafficBucket) implements Assignment {
    @Override
    public Optional<String> armKey() {
      return Optional.empty();
    }
  }

  /** Inside the experiment, in {@code arm}. */
  record InArm(String experimentKey, Arm arm, int trafficBucket, int armBucket)
      implements Assignment {
    @Override
    public Optional<String> armKey() {
      return Optional.of(arm.key());
    }
  }
}
