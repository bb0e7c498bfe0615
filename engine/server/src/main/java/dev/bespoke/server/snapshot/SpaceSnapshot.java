package dev.bespoke.server.snapshot;

import dev.bespoke.core.decision.Decider;
import dev.bespoke.core.decision.SegmentCatalog;
import dev.bespoke.store.experiment.Experiment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the delivery path needs of one space, immutable. A publish builds a new one and swaps
 * it in whole.
 *
 * @param generation the content store's change marker this snapshot was built from
 * @param experiments running experiments by slot key
 */
public record SpaceSnapshot(
    String space,
    long generation,
    Instant builtAt,
    ZoneId zone,
    boolean consentRequired,
    boolean deliveryKeyRequired,
    Map<String, PublishedSlot> slots,
    SegmentCatalog segments,
    Decider decider,
    Map<String, Experiment> experiments) {

  public SpaceSnapshot {
    slots = Map.copyOf(slots);
    experiments = Map.copyOf(experiments);
  }

  public Optional<PublishedSlot> slot(String key) {
    return Optional.ofNullable(slots.get(key));
  }

  public Optional<Experiment> experimentOn(String slotKey) {
    return Optional.ofNullable(experiments.get(slotKey));
  }

  public List<String> slotKeys() {
    return slots.keySet().stream().sorted().toList();
  }
}
