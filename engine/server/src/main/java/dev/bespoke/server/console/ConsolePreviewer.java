package dev.bespoke.server.console;

import dev.bespoke.server.admin.simulate.SimulationRequest;
import dev.bespoke.server.admin.simulate.SimulationResponse;
import dev.bespoke.server.admin.simulate.SimulationService;
import dev.bespoke.ui.spi.PreviewDecision;
import dev.bespoke.ui.spi.PreviewRequest;
import dev.bespoke.ui.spi.Previewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Previews through {@link SimulationService}: the same snapshot and decider visitors get. */
@ApplicationScoped
public class ConsolePreviewer implements Previewer {

  /** A preview waits at most this long; the decision path normally answers in microseconds. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final SimulationService simulation;

  public ConsolePreviewer(SimulationService simulation) {
    this.simulation = simulation;
  }

  @Override
  public List<PreviewDecision> preview(String space, PreviewRequest request) {
    Map<String, Object> attributes = new HashMap<>(request.attributes());
    // A persona states its visit count as an attribute; the engine reads it from the profile.
    Long visits = null;
    if (attributes.get("visit.count") instanceof Number n) {
      visits = n.longValue();
    }
    SimulationRequest.SimulatedProfile profile =
        visits == null
            ? null
            : new SimulationRequest.SimulatedProfile(
                visits, Map.of(), Map.of(), Map.of(), List.of());
    Object locale = attributes.get("locale");
    SimulationResponse response =
        simulation
            .simulate(
                space,
                new SimulationRequest(
                    request.channel(),
                    request.slots(),
                    locale instanceof String s ? s : null,
                    attributes,
                    profile,
                    null),
                request.includeDrafts())
            .await()
            .atMost(TIMEOUT);
    return response.decisions().stream().map(ConsolePreviewer::toPreview).toList();
  }

  private static PreviewDecision toPreview(SimulationResponse.SimulatedDecision d) {
    String title =
        d.variant() == null || d.variant().fields() == null
            ? null
            : d.variant().fields().path("title").asText(null);
    return new PreviewDecision(
        d.slot(),
        d.variant() == null ? null : d.variant().key(),
        title,
        d.segments() == null ? List.of() : d.segments(),
        d.reason(),
        d.usedDefault(),
        d.trace() == null
            ? List.of()
            : d.trace().stream()
                .map(
                    c ->
                        new PreviewDecision.TraceLine(
                            c.variant(),
                            c.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                            c.why()))
                .toList());
  }
}
