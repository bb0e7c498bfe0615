package dev.bespoke.core.stats;

/**
 * When a recent flood of new visitors or conversions is too improbable to be an experiment's own
 * traffic: the rule {@link BurstCheck} applies, with its thresholds.
 *
 * <p>The window's count {@code w} is compared with what the experiment's history before the window
 * predicts for a window that long: {@code expected = (total − w) · window / (age − window)}. It is
 * a burst when {@code w ≥ floor} and {@code w > factor · expected}. An experiment with less than
 * {@code minHistoryMillis} of history before the window is not judged: with nothing to compare, a
 * popular launch and a script look alike.
 *
 * @param windowMillis the length of the recent window
 * @param minHistoryMillis history needed before the window for a judgement
 * @param factor how many times the expected count the window must exceed
 * @param floor the smallest window count that can be a burst, so a quiet experiment's handful of
 *     visitors never is one
 */
public record BurstRule(long windowMillis, long minHistoryMillis, int factor, long floor) {

  /** A one-minute bucket, a ten-minute window, half an hour of history, ten times, fifty events. */
  public static final BurstRule DEFAULT = new BurstRule(600_000, 1_800_000, 10, 50);

  public BurstRule {
    if (windowMillis <= 0 || minHistoryMillis < 0 || factor < 1 || floor < 1) {
      throw new IllegalArgumentException(
          "a burst rule needs a positive window, a factor of at least 1 and a floor of at least 1");
    }
  }
}
