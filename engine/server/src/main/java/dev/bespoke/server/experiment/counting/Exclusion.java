package dev.bespoke.server.experiment.counting;

/**
 * Why an event was left out of an experiment's counts. Excluded events are counted as events, not
 * visitors: a visitor without analytics consent cannot be recognised again, by design.
 */
public enum Exclusion {
  /** The visitor's consent does not allow analytics. */
  NO_ANALYTICS_CONSENT("x:consent"),
  /** A conversion from a visitor who was never counted as exposed. */
  NOT_EXPOSED("x:unexposed"),
  /**
   * A conversion sooner after the visitor's exposure than {@code
   * bespoke.experiments.min-time-to-convert}: a script minting visitors and converting them.
   */
  TOO_SOON("x:early");

  private final String field;

  Exclusion(String field) {
    this.field = field;
  }

  public String field() {
    return field;
  }
}
