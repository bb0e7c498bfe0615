package dev.bespoke.server.experiment.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET …/experiments/{key}/results}. Field meanings are in docs/experiments-running.md.
 *
 * @param frozen whether these are the counts frozen when the experiment stopped
 * @param burst the burst check of recent new visitors and conversions
 * @param verdict what the results support: untrustworthy-srm, untrustworthy-burst, not-enough-data,
 *     significant-win, significant-loss or not-yet-conclusive
 * @param decidedBy the check that decided the verdict: sample-ratio-check, burst-check,
 *     minimum-evidence or always-valid-test
 * @param excluded events left out of the counts
 * @param daily new and cumulative visitors and conversions per arm and day
 */
public record ResultsView(
    String key,
    String slot,
    String type,
    String status,
    String goal,
    double alpha,
    String exposure,
    int hashVersion,
    Instant startedAt,
    Instant stoppedAt,
    boolean frozen,
    Instant computedAt,
    List<ArmView> arms,
    SampleRatio sampleRatio,
    Burst burst,
    String verdict,
    String decidedBy,
    String summary,
    Excluded excluded,
    List<DayView> daily) {

  /**
   * One arm.
   *
   * @param vsControl the comparison with the control; {@code null} for the control itself
   */
  public record ArmView(
      String key,
      String variant,
      boolean control,
      double configuredShare,
      double observedShare,
      long visitors,
      long conversions,
      double rate,
      Range rateInterval,
      boolean enoughEvidence,
      VsControl vsControl) {}

  /**
   * One arm against the control.
   *
   * @param relativeLift {@code null} while the control has no conversions
   * @param confidenceInterval the fixed-horizon (unpooled) interval of the difference in rates
   * @param pValue the fixed-horizon two-sided pooled z-test p-value: valid for one look only
   * @param significant whether the always-valid test rejects "no difference" at {@code alpha}
   * @param alpha the level of this comparison (the experiment's alpha split over its comparisons)
   * @param alwaysValidPValue the mixture-SPRT p-value, valid at every look
   * @param confidenceSequence the always-valid interval of the difference in rates
   * @param decidedBy always {@code always-valid-test}: the test {@code significant} follows
   */
  public record VsControl(
      double absoluteLift,
      Double relativeLift,
      Range confidenceInterval,
      double zScore,
      double pValue,
      boolean fixedHorizonSignificant,
      boolean significant,
      double alpha,
      double alwaysValidPValue,
      Range confidenceSequence,
      String decidedBy,
      double chanceToBeatControl,
      String verdict) {}

  public record Range(double lower, double upper) {}

  /**
   * The sample-ratio check.
   *
   * @param untrustworthy the p-value is below the threshold: the split does not fit the weights, so
   *     nothing else in these results should be trusted
   */
  public record SampleRatio(
      double chiSquare,
      int degreesOfFreedom,
      double pValue,
      double threshold,
      boolean untrustworthy) {}

  /**
   * The burst check (docs/experiments-running.md, "Bursts").
   *
   * @param untrustworthy a burst of new visitors or conversions was seen while the experiment ran,
   *     so nothing else in these results should be trusted
   * @param windowSeconds the length of the recent window
   * @param factor how many times the history's rate a window must exceed to be a burst
   * @param floor the smallest window count that can be a burst
   */
  public record Burst(
      boolean untrustworthy,
      long windowSeconds,
      int factor,
      long floor,
      BurstFigure newVisitors,
      BurstFigure conversions) {}

  /**
   * One kind of event in the burst check: the recorded burst if there was one, else the window now.
   *
   * @param judged whether the experiment had enough history before the window to be judged
   * @param inWindow events in the window
   * @param expected what the history before the window predicts for it
   */
  public record BurstFigure(boolean judged, boolean burst, long inWindow, double expected) {}

  /** Events left out, counted as events (not visitors). */
  public record Excluded(long noAnalyticsConsent, long notExposed, long tooSoonAfterExposure) {}

  public record DayView(LocalDate date, List<DayArm> arms) {}

  /** One arm on one day: new visitors and conversions that day, and the totals up to it. */
  public record DayArm(
      String arm, long visitors, long conversions, long totalVisitors, long totalConversions) {}
}
