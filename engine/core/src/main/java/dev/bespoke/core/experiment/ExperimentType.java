package dev.bespoke.core.experiment;

import java.util.Locale;

/** What an experiment compares. */
public enum ExperimentType {
  /**
   * Arm {@code control} gets the slot's default variant and arm {@code personalised} the normal
   * decision: the lift measured is the lift of personalisation itself.
   */
  HOLDOUT,
  /** Each arm names a variant; only visitors eligible for the slot's targeting enter. */
  AB;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExperimentType fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
