package dev.bespoke.server.snapshot;

import dev.bespoke.core.decision.Decider;
import dev.bespoke.core.decision.SegmentCatalog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the delivery path needs of one space, immutable. A publish builds a new one and swaps
 * it in whole.
 *
 * @param generation the content store's change marker this snapshot was built from
 * @param experiments running experiments by slot key, compiled (one per slot at most)
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
    Map<String, RunningExperiment> experiments) {

  public SpaceSnapshot {
    // HashMap, not Map.copyOf: keys like slot-0001…slot-1000 differ only in their last characters,
    // and Map.copyOf's open addressing probed long runs of them (a profile found ~60 ns a lookup
    // against ~11 for a HashMap, on every delivery request).
    slots = Collections.unmodifiableMap(new HashMap<>(slots));
    experiments = Collections.unmodifiableMap(new HashMap<>(experiments));
  }

  public Optional<PublishedSlot> slot(String key) {
    return Optional.ofNullable(slots.get(key));
  }

  public Optional<RunningExperiment> experimentOn(String slotKey) {
    return Optional.ofNullable(experiments.get(slotKey));
  }

  /** A running experiment by its own key; a space runs few, so a scan is cheapest. */
  public Optional<RunningExperiment> experiment(String experimentKey) {
    for (RunningExperiment e : experiments.values()) {
      if (e.key().equals(experimentKey)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The running experiments whose goal is {@code goal}. */
  public List<RunningExperiment> experimentsWithGoal(String goal) {
    return experiments.values().stream().filter(e -> e.spec().goal().equals(goal)).toList();
  }

  public List<String> slotKeys() {
    return slots.keySet().stream().sorted().toList();
  }
}
