package dev.bespoke.ui.experiment;

import dev.bespoke.core.stats.Comparison;
import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.core.stats.Verdict;
import java.util.List;
import java.util.Locale;

/** An experiment's results in the words and numbers the results page shows. */
public record ResultsView(
    String verdict,
    String summary,
    boolean srm,
    String srmText,
    boolean inconclusive,
    String inconclusiveText,
    boolean winner,
    String winnerArm,
    List<ArmRow> arms,
    List<ComparisonRow> comparisons,
    Chart chart) {

  /** One arm's figures. */
  public record ArmRow(
      String arm, String variant, long visitors, long conversions, String rate, String interval) {}

  /** One arm against the control. */
  public record ComparisonRow(
      String arm,
      String control,
      String lift,
      String relativeLift,
      String pValue,
      String chanceToBeat,
      boolean significant) {}

  public static ResultsView of(ExperimentResults r) {
    // Both untrustworthy verdicts raise the same warning, each in its own words.
    boolean burst = r.verdict() == Verdict.UNTRUSTWORTHY_BURST;
    boolean srm = r.verdict() == Verdict.UNTRUSTWORTHY_SRM || burst;
    boolean inconclusive =
        r.verdict() == Verdict.NOT_ENOUGH_DATA || r.verdict() == Verdict.NOT_YET_CONCLUSIVE;
    String winnerArm =
        r.comparisons().stream()
            .filter(c -> c.verdict() == Verdict.SIGNIFICANT_WIN)
            .map(Comparison::arm)
            .findFirst()
            .orElse("");
    return new ResultsView(
        r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        r.summary(),
        srm,
        burst
            ? "New visitors or conversions arrived far faster than this experiment's own traffic"
                + " (a script or a bot), so none of these numbers can be trusted. Block the"
                + " source and start a new experiment."
            : "The split of visitors between the arms does not match the planned split (p = "
                + String.format(Locale.ROOT, "%.4f", r.srm().pValue())
                + "). Something is wrong with how visitors are counted or assigned, so none of"
                + " these numbers can be trusted until it is fixed.",
        inconclusive,
        r.verdict() == Verdict.NOT_ENOUGH_DATA
            ? "Not enough visitors or conversions yet to say anything. Keep the experiment running."
            : "Not yet conclusive: the difference so far could still be chance. Keep the experiment"
                + " running; stopping now and picking the better-looking arm would often be wrong.",
        r.verdict() == Verdict.SIGNIFICANT_WIN && !winnerArm.isEmpty(),
        winnerArm,
        r.arms().stream()
            .map(
                a ->
                    new ArmRow(
                        a.arm(),
                        a.variantKey() == null ? "" : a.variantKey(),
                        a.visitors(),
                        a.conversions(),
                        Chart.percent(a.rate()),
                        Chart.percent(a.rateInterval().lower())
                            + " – "
                            + Chart.percent(a.rateInterval().upper())))
            .toList(),
        r.comparisons().stream()
            .map(
                c ->
                    new ComparisonRow(
                        c.arm(),
                        c.controlArm(),
                        Chart.percent(c.absoluteLift()),
                        c.relativeLift().isPresent()
                            ? Chart.percent(c.relativeLift().getAsDouble())
                            : "—",
                        String.format(Locale.ROOT, "%.4f", c.sequential().pValue()),
                        Chart.percent(c.chanceToBeatControl()),
                        c.significant()))
            .toList(),
        Chart.of(r.arms()));
  }
}
