package dev.bespoke.core.stats;

/**
 * One judgement of the {@link BurstRule} over one kind of event (new visitors or conversions).
 *
 * @param judged whether the experiment had enough history to be judged at all
 * @param burst whether the window's count is a burst
 * @param inWindow how many events the recent window holds
 * @param expected how many the history before the window predicts for it
 */
public record BurstCheck(boolean judged, boolean burst, long inWindow, double expected) {

  /** Nothing to judge: no counts, or a check that was not run. */
  public static final BurstCheck NONE = new BurstCheck(false, false, 0, 0);

  /**
   * @param ageMillis how long the experiment has been running
   * @param total every event of the kind since it started, the window's included
   * @param inWindow the events of the recent window
   */
  public static BurstCheck judge(BurstRule rule, long ageMillis, long total, long inWindow) {
    if (total < 0 || inWindow < 0 || inWindow > total) {
      throw new IllegalArgumentException("the window cannot hold more than the total");
    }
    long history = ageMillis - rule.windowMillis();
    if (history < rule.minHistoryMillis() || history <= 0) {
      return new BurstCheck(false, false, inWindow, 0);
    }
    double expected = (double) (total - inWindow) * rule.windowMillis() / history;
    boolean burst = inWindow >= rule.floor() && inWindow > rule.factor() * expected;
    return new BurstCheck(true, burst, inWindow, expected);
  }
}
