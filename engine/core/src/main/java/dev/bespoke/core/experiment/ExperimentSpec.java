package dev.bespoke.core.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The published definition of one experiment, as the core needs it: no status, schedule or slot,
 * which the server keeps.
 *
 * <p>The constructor rejects a definition that could not be assigned or analysed honestly, so a
 * spec that exists is one the bucketing and the statistics can trust.
 *
 * @param key the experiment's key; also the root of its hash salts, so renaming an experiment
 *     reshuffles every visitor (create a new experiment instead)
 * @param type holdout or A/B
 * @param trafficPercent the share of eligible visitors who enter, 0 to 100 in whole percent
 * @param arms the arms in a fixed order; the order is part of the assignment (arms take bucket
 *     ranges in this order), so it must never be changed on a running experiment
 * @param goal the conversion event name the results count
 * @param alpha the significance level, above 0 and at most 0.5; the false-positive rate the team
 *     accepts
 * @param exposure when a visitor counts as exposed
 * @param hashVersion the {@link Bucketing} algorithm version, stored so that a future algorithm
 *     never moves the visitors of an experiment that started under an older one
 */
public record ExperimentSpec(
    String key,
    ExperimentType type,
    int trafficPercent,
    List<Arm> arms,
    String goal,
    double alpha,
    ExposureMode exposure,
    int hashVersion) {

  /** The arm that every other arm is compared against. */
  public static final String CONTROL = "control";

  /** The holdout arm that receives the normal, personalised decision. */
  public static final String PERSONALISED = "personalised";

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public ExperimentSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(exposure, "exposure");
    arms = List.copyOf(arms);
    if (!KEY.matcher(key).matches()) {
      throw invalid(key, "key must match " + KEY.pattern());
    }
    if (trafficPercent < 0 || trafficPercent > 100) {
      throw invalid(key, "trafficPercent must be 0..100, was " + trafficPercent);
    }
    if (goal.isBlank()) {
      throw invalid(key, "goal must not be blank");
    }
    // NaN fails both comparisons, so it is rejected too.
    if (!(alpha > 0 && alpha <= 0.5)) {
      throw invalid(key, "alpha must be in (0, 0.5], was " + alpha);
    }
    if (!Bucketing.supports(hashVersion)) {
      throw invalid(key, "unknown hashVersion " + hashVersion);
    }
    checkArms(key, type, arms);
  }

  private static void checkArms(String key, ExperimentType type, List<Arm> arms) {
    if (arms.size() < 2) {
      throw invalid(key, "an experiment needs at least two arms");
    }
    Set<String> seen = new HashSet<>();
    long total = 0;
    for (Arm arm : arms) {
      if (!seen.add(arm.key())) {
        throw invalid(key, "duplicate arm " + arm.key());
      }
      total += arm.weight();
    }
    if (total == 0) {
      throw invalid(key, "arm weights must not all be 0");
    }
    Arm control =
        arms.stream().filter(a -> a.key().equals(CONTROL)).findFirst().orElse(arms.get(0));
    if (control.weight() == 0) {
      // Every comparison is against the control: with no control traffic there is nothing to read.
      throw invalid(key, "the control arm " + control.key() + " must have a weight above 0");
    }
    if (type == ExperimentType.HOLDOUT) {
      if (arms.size() != 2 || !seen.contains(CONTROL) || !seen.contains(PERSONALISED)) {
        throw invalid(key, "a holdout has exactly the arms control and personalised");
      }
      if (arms.stream().anyMatch(a -> a.variantKey() != null)) {
        throw invalid(key, "holdout arms name no variant");
      }
    } else if (arms.stream().anyMatch(a -> a.variantKey() == null)) {
      throw invalid(key, "every A/B arm names a variant");
    }
  }

  private static IllegalArgumentException invalid(String key, String message) {
    return new IllegalArgumentException("experiment " + key + ": " + message);
  }

  /**
   * The arm the others are compared against: the arm named {@code control}, or else the first arm.
   */
  public Arm controlArm() {
    return arm(CONTROL).orElse(arms.get(0));
  }

  public Optional<Arm> arm(String armKey) {
    return arms.stream().filter(a -> a.key().equals(armKey)).findFirst();
  }

  /** The sum of the arm weights; always above 0. */
  public long totalWeight() {
    return arms.stream().mapToLong(Arm::weight).sum();
  }

  /**
   * A running experiment with the defaults most experiments want: exposure at decision time and the
   * current hash version.
   */
  public static ExperimentSpec of(
      String key,
      ExperimentType type,
      int trafficPercent,
      List<Arm> arms,
      String goal,
      double alpha) {
    return new ExperimentSpec(
        key,
        type,
        trafficPercent,
        arms,
        goal,
        alpha,
        ExposureMode.DECISION,
        Bucketing.HASH_VERSION);
  }
}
