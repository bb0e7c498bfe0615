package dev.bespoke.core.decision;

import java.util.Locale;

/** How a slot chooses among the variants that fit a visitor. */
public enum Strategy {
  /** Precedence: highest priority, then most matched segments, then a stable tie-break. */
  FIRST_MATCH,
  /** A stable per-visitor pick among the fitting variants, in proportion to their weights. */
  WEIGHTED,
  /**
   * Learns which variant converts best. Until the experiments engine provides arm statistics it
   * behaves as {@link #WEIGHTED}, which is also how a bandit starts: with no evidence, explore.
   */
  BANDIT;

  public String wireName() {
    return this == FIRST_MATCH ? "first-match" : name().toLowerCase(Locale.ROOT);
  }

  public static Strategy fromWire(String name) {
    if (name == null || name.equals("first-match")) {
      return FIRST_MATCH;
    }
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
