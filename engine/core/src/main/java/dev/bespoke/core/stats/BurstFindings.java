package dev.bespoke.core.stats;

/**
 * The burst check over both kinds of event an experiment counts.
 *
 * @param visitors the check of new (exposed) visitors
 * @param conversions the check of counted conversions
 */
public record BurstFindings(BurstCheck visitors, BurstCheck conversions) {

  public static final BurstFindings NONE = new BurstFindings(BurstCheck.NONE, BurstCheck.NONE);

  /** Either kind burst: the results cannot be trusted. */
  public boolean burst() {
    return visitors.burst() || conversions.burst();
  }
}
