package dev.bespoke.core.stats;

/** Which check decided a verdict, so the results can say so. */
public enum VerdictBasis {
  /** The sample-ratio-mismatch chi-square test ({@link SrmCheck}). */
  SAMPLE_RATIO_CHECK,
  /** The burst check of recent visitors and conversions ({@link BurstRule}). */
  BURST_CHECK,
  /** The minimum-evidence rule of the {@link ResultsPolicy}. */
  MINIMUM_EVIDENCE,
  /** The always-valid mixture sequential test ({@link AlwaysValidTest}). */
  ALWAYS_VALID_TEST
}
