package dev.bespoke.server.admin.simulate;

import dev.bespoke.core.decision.Consideration;
import dev.bespoke.server.delivery.DecisionsResponse.VariantView;
import java.util.List;

/** Each slot's decision for the simulated visitor, with the full trace. */
public record SimulationResponse(List<SimulatedDecision> decisions) {

  /** One slot: what would be served, why, and what became of every variant. */
  public record SimulatedDecision(
      String slot,
      VariantView variant,
      List<String> segments,
      String reason,
      boolean usedDefault,
      List<Consideration> trace) {}
}
