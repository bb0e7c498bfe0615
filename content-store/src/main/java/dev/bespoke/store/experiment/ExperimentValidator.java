package dev.bespoke.store.experiment;

import dev.bespoke.store.common.FieldErrors;
import dev.bespoke.store.common.Keys;
import dev.bespoke.store.experiment.Experiment.Arm;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Checks an experiment from a request and fills in defaults. */
final class ExperimentValidator {

  static final Set<String> TYPES = Set.of("holdout", "ab");

  static final Set<String> EXPOSURES = Set.of("decision", "impression");

  static final String DEFAULT_EXPOSURE = "decision";

  static final Set<String> HOLDOUT_ARMS = Set.of("control", "personalised");

  static final int MAX_ARMS = 10;

  static final int MAX_WEIGHT = 10_000;

  /** The conventional 5% unless the team chooses otherwise; above 20% a "win" means little. */
  static final double DEFAULT_ALPHA = 0.05;

  static final double MAX_ALPHA = 0.2;

  /** An even split gives a holdout the most statistical power for its traffic. */
  static final List<Arm> DEFAULT_HOLDOUT_ARMS =
      List.of(new Arm("control", null, 1), new Arm("personalised", null, 1));

  private ExperimentValidator() {}

  /**
   * @param slotExists whether a key names a slot of the space that is not archived
   * @param variantExists whether (slot, variant) names a variant that is not archived
   */
  static Experiment clean(
      Experiment in, Predicate<String> slotExists, BiPredicate<String, String> variantExists) {
    FieldErrors errors = new FieldErrors();
    errors.key("key", in.key());
    errors.key("slot", in.slot());
    if (Keys.isValid(in.slot()) && !slotExists.test(in.slot())) {
      errors.add("slot", "names no slot of this space that is not archived");
    }
    if (in.type() == null) {
      errors.add("type", "is required: holdout or ab");
    }
    errors.oneOf("type", in.type(), TYPES);
    errors.range("trafficPercent", in.trafficPercent(), 1, 100);
    errors.key("goal", in.goal());
    if (in.alpha() != null && !(in.alpha() > 0 && in.alpha() <= MAX_ALPHA)) {
      errors.add("alpha", "must be above 0 and at most " + MAX_ALPHA);
    }
    errors.oneOf("exposure", in.exposure(), EXPOSURES);
    errors.instant("validFrom", in.validFrom());
    errors.instant("validUntil", in.validUntil());
    if (in.validFrom() != null
        && in.validUntil() != null
        && !in.validUntil().isAfter(in.validFrom())) {
      errors.add("validUntil", "must be after validFrom");
    }
    List<Arm> arms = in.arms();
    if ("holdout".equals(in.type()) && (arms == null || arms.isEmpty())) {
      arms = DEFAULT_HOLDOUT_ARMS;
    }
    if (TYPES.contains(in.type())) {
      checkArms(in.type(), in.slot(), arms, errors, variantExists);
    }
    errors.throwIfAny();
    return new Experiment(
        in.key(),
        in.slot(),
        in.type(),
        in.trafficPercent() == null ? 100 : in.trafficPercent(),
        arms.stream()
            .map(a -> new Arm(a.key(), a.variant(), a.weight() == null ? 1 : a.weight()))
            .toList(),
        in.goal(),
        in.alpha() == null ? DEFAULT_ALPHA : in.alpha(),
        in.exposure() == null ? DEFAULT_EXPOSURE : in.exposure(),
        in.validFrom(),
        in.validUntil(),
        in.status(),
        in.hashVersion(),
        in.startedAt(),
        in.stoppedAt(),
        in.version());
  }

  private static void checkArms(
      String type,
      String slot,
      List<Arm> arms,
      FieldErrors errors,
      BiPredicate<String, String> variantExists) {
    if (arms == null || arms.size() < 2) {
      errors.add("arms", "must have at least two arms");
      return;
    }
    if (arms.size() > MAX_ARMS) {
      errors.add("arms", "must have at most " + MAX_ARMS + " arms");
      return;
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < arms.size(); i++) {
      Arm arm = arms.get(i);
      String at = "arms[" + i + "]";
      if (arm == null) {
        errors.add(at, "is required");
        continue;
      }
      errors.key(at + ".key", arm.key());
      if (arm.key() != null && !keys.add(arm.key())) {
        errors.add(at + ".key", "is listed twice");
      }
      errors.range(at + ".weight", arm.weight(), 1, MAX_WEIGHT);
      if (type.equals("holdout")) {
        if (arm.key() != null && !HOLDOUT_ARMS.contains(arm.key())) {
          errors.add(at + ".key", "must be control or personalised in a holdout");
        }
        if (arm.variant() != null) {
          errors.add(
              at + ".variant", "must be absent: a holdout's arms are decisions, not variants");
        }
      } else if (arm.variant() == null) {
        errors.add(at + ".variant", "is required in an ab experiment");
      } else if (!Keys.isValid(arm.variant())) {
        errors.add(at + ".variant", Keys.RULE);
      } else if (Keys.isValid(slot) && !variantExists.test(slot, arm.variant())) {
        errors.add(at + ".variant", "names no variant of slot " + slot + " that is not archived");
      }
    }
    if (type.equals("holdout") && !keys.equals(HOLDOUT_ARMS)) {
      errors.add("arms", "a holdout has exactly the arms control and personalised");
    }
  }
}
