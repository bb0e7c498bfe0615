package dev.bespoke.store.publication;

import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.space.Space;
import dev.bespoke.store.variant.Variant;
import java.util.List;

/**
 * A consistent read of a space's published content.
 *
 * @param generation grows with every change in the space; the engine compares it to notice
 *     publishes it was not told about
 */
public record PublishedContent(
    Space space,
    long generation,
    List<Slot> slots,
    List<Variant> variants,
    List<Segment> segments,
    List<Experiment> experiments) {

  public PublishedContent {
    slots = List.copyOf(slots);
    variants = List.copyOf(variants);
    segments = List.copyOf(segments);
    experiments = List.copyOf(experiments);
  }
}
