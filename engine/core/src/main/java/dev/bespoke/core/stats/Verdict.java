package dev.bespoke.core.stats;

/** What an experiment's results support, checked in this order. */
public enum Verdict {
  /** The visitor split does not fit the weights: a counting or assignment bug; trust nothing. */
  UNTRUSTWORTHY_SRM,
  /**
   * New visitors or conversions arrived far faster than the experiment's own history predicts:
   * something other than its traffic fed the counts (a script, a bot); trust nothing.
   */
  UNTRUSTWORTHY_BURST,
  /** Too few visitors or conversions in some arm for the normal approximations to hold. */
  NOT_ENOUGH_DATA,
  /** A variant beats the control by the always-valid test. */
  SIGNIFICANT_WIN,
  /** The variants lose against the control by the always-valid test. */
  SIGNIFICANT_LOSS,
  /**
   * Enough data to read, but the always-valid test has not decided: keep the experiment running.
   */
  NOT_YET_CONCLUSIVE
}
