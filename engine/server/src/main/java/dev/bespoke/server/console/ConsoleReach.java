package dev.bespoke.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.server.reach.OverlapRequest;
import dev.bespoke.server.reach.Reach;
import dev.bespoke.server.reach.ReachService;
import dev.bespoke.ui.spi.ReachEstimator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's reach figures from the same service and sample as the admin API's. */
@ApplicationScoped
public class ConsoleReach implements ReachEstimator {

  private final ReachService reach;

  public ConsoleReach(ReachService reach) {
    this.reach = reach;
  }

  @Override
  public Estimate reach(String space, String segment, Optional<JsonNode> unsavedRule) {
    Reach r = reach.reach(space, segment, unsavedRule);
    return new Estimate(r.segment(), r.sampleSize(), r.matching(), r.share(), r.since());
  }

  @Override
  public List<Estimate> reachOfEach(String space, Map<String, JsonNode> savedRules) {
    return reach.reachOfEach(space, savedRules).stream()
        .map(r -> new Estimate(r.segment(), r.sampleSize(), r.matching(), r.share(), r.since()))
        .toList();
  }

  @Override
  public ReachEstimator.Overlap overlap(
      String space, String first, String second, Optional<JsonNode> unsavedFirst) {
    // The SPI's own Overlap shadows the engine's inside this class.
    dev.bespoke.server.reach.Overlap o =
        reach.overlap(
            space,
            new OverlapRequest(
                List.of(first, second), unsavedFirst.map(r -> Map.of(first, r)).orElse(null)));
    return new ReachEstimator.Overlap(
        first, second, o.sampleSize(), o.inFirst(), o.inSecond(), o.inBoth(), o.since());
  }
}
