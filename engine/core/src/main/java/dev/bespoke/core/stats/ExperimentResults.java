package dev.bespoke.core.stats;

import java.util.List;
import java.util.Optional;

/**
 * An experiment's results at one moment: immutable, so a stopped experiment's results can be kept
 * as they were.
 *
 * @param experimentKey the experiment
 * @param goal the conversion goal counted
 * @param alpha the experiment's significance level
 * @param arms every arm in the experiment's order, control included
 * @param comparisons every non-control arm against the control, in the experiment's order
 * @param srm the sample-ratio-mismatch check over all arms
 * @param verdict the overall verdict
 * @param basis which check decided it
 * @param summary the verdict in plain words, with the numbers behind it
 */
public record ExperimentResults(
    String experimentKey,
    String goal,
    double alpha,
    List<ArmResult> arms,
    List<Comparison> comparisons,
    SrmCheck srm,
    Verdict verdict,
    VerdictBasis basis,
    String summary) {

  public ExperimentResults {
    arms = List.copyOf(arms);
    comparisons = List.copyOf(comparisons);
  }

  public Optional<ArmResult> arm(String key) {
    return arms.stream().filter(a -> a.arm().equals(key)).findFirst();
  }

  public Optional<Comparison> comparison(String arm) {
    return comparisons.stream().filter(c -> c.arm().equals(arm)).findFirst();
  }
}
