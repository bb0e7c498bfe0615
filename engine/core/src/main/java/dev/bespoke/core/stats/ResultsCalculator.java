package dev.bespoke.core.stats;

import dev.bespoke.core.experiment.Arm;
import dev.bespoke.core.experiment.ExperimentSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns an experiment's counts into {@link ExperimentResults}.
 *
 * <p>The verdict is decided in a fixed order: the sample-ratio check first (a broken split makes
 * every other number suspect), then the burst check (counts fed by a flood are suspect too), then
 * the minimum-evidence rule, then the always-valid sequential test, and nothing else. The
 * fixed-horizon z-test and the chance to beat control are reported for reading, but neither can
 * make a verdict, because both would be wrong far more often than alpha when results are read
 * repeatedly.
 */
public final class ResultsCalculator {

  private final ResultsPolicy policy;
  private final AlwaysValidTest sequentialTest;

  public ResultsCalculator(ResultsPolicy policy) {
    this.policy = policy;
    this.sequentialTest = new AlwaysValidTest(policy.mixtureVariance());
  }

  public ResultsCalculator() {
    this(ResultsPolicy.DEFAULT);
  }

  public ResultsPolicy policy() {
    return policy;
  }

  /** Results from the counts alone; the always-valid p-value is then the conservative one. */
  public ExperimentResults calculate(ExperimentSpec experiment, List<ArmCounts> counts) {
    return calculate(experiment, counts, Map.of());
  }

  /**
   * Results that also fold in the sequential evidence of earlier looks, keyed by variant arm (for
   * example the previous day's {@link Comparison#sequential()}), so the p-value is the running
   * minimum and the confidence sequence the running intersection.
   *
   * @param counts one entry per arm at most; an arm without an entry has no visitors yet
   * @throws IllegalArgumentException for counts of an arm the experiment does not have
   */
  public ExperimentResults calculate(
      ExperimentSpec experiment, List<ArmCounts> counts, Map<String, SequentialEvidence> earlier) {
    return calculate(experiment, counts, earlier, BurstFindings.NONE);
  }

  /** Results from the counts and what the burst check found in their recent history. */
  public ExperimentResults calculate(
      ExperimentSpec experiment, List<ArmCounts> counts, BurstFindings burst) {
    return calculate(experiment, counts, Map.of(), burst);
  }

  /**
   * @param burst the burst check over the counters' recent window; a burst makes the results
   *     untrustworthy, as a sample-ratio mismatch does
   */
  public ExperimentResults calculate(
      ExperimentSpec experiment,
      List<ArmCounts> counts,
      Map<String, SequentialEvidence> earlier,
      BurstFindings burst) {
    Map<String, ArmCounts> byArm = countsByArm(experiment, counts);
    List<Arm> arms = experiment.arms();
    long[] visitors = arms.stream().mapToLong(a -> byArm.get(a.key()).visitors()).toArray();
    long[] weights = arms.stream().mapToLong(Arm::weight).toArray();
    SrmCheck srm = SrmCheck.test(visitors, weights, policy.srmThreshold());

    Arm control = experiment.controlArm();
    List<ArmResult> armResults = armResults(experiment, byArm, control);
    boolean enoughEvidence =
        arms.stream()
            .filter(a -> a.weight() > 0)
            .allMatch(a -> policy.hasEnoughEvidence(byArm.get(a.key())));

    List<Arm> variants = arms.stream().filter(a -> a != control).toList();
    double comparisonAlpha = experiment.alpha() / variants.size();
    List<Comparison> comparisons = new ArrayList<>();
    for (Arm variant : variants) {
      comparisons.add(
          compare(
              byArm.get(control.key()),
              byArm.get(variant.key()),
              comparisonAlpha,
              srm.mismatch(),
              burst.burst(),
              earlier.get(variant.key())));
    }

    Verdict verdict;
    VerdictBasis basis;
    if (srm.mismatch()) {
      verdict = Verdict.UNTRUSTWORTHY_SRM;
      basis = VerdictBasis.SAMPLE_RATIO_CHECK;
    } else if (burst.burst()) {
      verdict = Verdict.UNTRUSTWORTHY_BURST;
      basis = VerdictBasis.BURST_CHECK;
    } else if (!enoughEvidence) {
      verdict = Verdict.NOT_ENOUGH_DATA;
      basis = VerdictBasis.MINIMUM_EVIDENCE;
    } else {
      basis = VerdictBasis.ALWAYS_VALID_TEST;
      if (comparisons.stream().anyMatch(c -> c.verdict() == Verdict.SIGNIFICANT_WIN)) {
        verdict = Verdict.SIGNIFICANT_WIN;
      } else if (comparisons.stream().allMatch(c -> c.verdict() == Verdict.SIGNIFICANT_LOSS)) {
        verdict = Verdict.SIGNIFICANT_LOSS;
      } else {
        verdict = Verdict.NOT_YET_CONCLUSIVE;
      }
    }
    String summary =
        Summaries.describe(experiment, policy, armResults, comparisons, srm, burst, verdict);
    return new ExperimentResults(
        experiment.key(),
        experiment.goal(),
        experiment.alpha(),
        armResults,
        comparisons,
        srm,
        verdict,
        basis,
        summary);
  }

  private static Map<String, ArmCounts> countsByArm(
      ExperimentSpec experiment, List<ArmCounts> counts) {
    Map<String, ArmCounts> byArm = new HashMap<>();
    for (ArmCounts c : counts) {
      if (experiment.arm(c.arm()).isEmpty()) {
        throw new IllegalArgumentException(
            "experiment " + experiment.key() + " has no arm " + c.arm());
      }
      if (byArm.put(c.arm(), c) != null) {
        throw new IllegalArgumentException("two counts for arm " + c.arm());
      }
    }
    for (Arm arm : experiment.arms()) {
      byArm.putIfAbsent(arm.key(), new ArmCounts(arm.key(), 0, 0));
    }
    return byArm;
  }

  private List<ArmResult> armResults(
      ExperimentSpec experiment, Map<String, ArmCounts> byArm, Arm control) {
    long totalVisitors = byArm.values().stream().mapToLong(ArmCounts::visitors).sum();
    double totalWeight = experiment.totalWeight();
    List<ArmResult> results = new ArrayList<>();
    for (Arm arm : experiment.arms()) {
      ArmCounts c = byArm.get(arm.key());
      results.add(
          new ArmResult(
              arm.key(),
              arm.variantKey(),
              arm == control,
              arm.weight() / totalWeight,
              totalVisitors == 0 ? 0 : (double) c.visitors() / totalVisitors,
              c.visitors(),
              c.conversions(),
              c.rate(),
              Wilson.interval(c),
              policy.hasEnoughEvidence(c)));
    }
    return results;
  }

  private Comparison compare(
      ArmCounts control,
      ArmCounts variant,
      double alpha,
      boolean srmMismatch,
      boolean burst,
      SequentialEvidence earlier) {
    double lift = variant.rate() - control.rate();
    OptionalDouble relative =
        control.rate() > 0 ? OptionalDouble.of(lift / control.rate()) : OptionalDouble.empty();
    SequentialEvidence sequential = sequentialTest.evaluate(control, variant, alpha);
    if (earlier != null) {
      sequential = sequential.narrowedBy(earlier);
    }
    boolean significant = sequential.pValue() < alpha;
    Verdict verdict;
    if (srmMismatch) {
      verdict = Verdict.UNTRUSTWORTHY_SRM;
    } else if (burst) {
      verdict = Verdict.UNTRUSTWORTHY_BURST;
    } else if (!policy.hasEnoughEvidence(control) || !policy.hasEnoughEvidence(variant)) {
      verdict = Verdict.NOT_ENOUGH_DATA;
    } else if (!significant) {
      verdict = Verdict.NOT_YET_CONCLUSIVE;
    } else {
      verdict = direction(sequential.confidenceSequence(), lift);
    }
    return new Comparison(
        variant.arm(),
        control.arm(),
        lift,
        relative,
        alpha,
        FixedHorizonTest.compare(control, variant, alpha),
        sequential,
        significant,
        ChanceToBeat.probability(control, variant),
        verdict);
  }

  /** The side of zero the sequence excludes; the point estimate only if it somehow spans zero. */
  private static Verdict direction(Interval sequence, double lift) {
    if (sequence.lower() > 0) {
      return Verdict.SIGNIFICANT_WIN;
    }
    if (sequence.upper() < 0) {
      return Verdict.SIGNIFICANT_LOSS;
    }
    return lift > 0 ? Verdict.SIGNIFICANT_WIN : Verdict.SIGNIFICANT_LOSS;
  }
}
