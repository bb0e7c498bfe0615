package dev.bespoke.core.stats;

import java.util.Objects;

/**
 * What was counted for one arm: exposed visitors, and those of them who converted on the goal (each
 * visitor at most once).
 */
public record ArmCounts(String arm, long visitors, long conversions) {

  public ArmCounts {
    Objects.requireNonNull(arm, "arm");
    if (visitors < 0 || conversions < 0 || conversions > visitors) {
      throw new IllegalArgumentException(
          "arm "
              + arm
              + ": need 0 <= conversions <= visitors, got "
              + conversions
              + "/"
              + visitors);
    }
  }

  /**
   * Conversions over visitors; 0 when there are no visitors (its Wilson interval is then [0, 1]).
   */
  public double rate() {
    return visitors == 0 ? 0.0 : (double) conversions / visitors;
  }

  public long nonConversions() {
    return visitors - conversions;
  }
}
