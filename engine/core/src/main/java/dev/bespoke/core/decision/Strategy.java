package dev.bespoke.core.decision;

import java.util.Locale;

/** How a slot chooses among the variants that fit a visitor. */
public enum Strategy {
  /** Precedence: highest priority, then most matched segments, then a stable tie-break. */
  FIRST_MATCH,
  /** A stable per-visitor pick among the fitting variants, in proportion to their weights. */
  WEIGHTED,
  /**
   * Learns which fitting variant earns the most clicks and conversions, per segment context, by
   * Thompson sampling with an exploration floor. An optimisation, not a test: it makes no
   * significance claim.
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
