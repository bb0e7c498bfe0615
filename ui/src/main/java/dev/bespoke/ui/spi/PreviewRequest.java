package dev.bespoke.ui.spi;

import java.util.List;
import java.util.Map;

/**
 * A visitor to pretend to be.
 *
 * @param channel the delivery channel
 * @param slots the slots to decide, in display order
 * @param attributes request signals and traits by attribute name ({@code geo.country}, {@code
 *     utm.source}), as a persona stores them
 * @param includeDrafts decide as if every draft and every change in review were published
 */
public record PreviewRequest(
    String channel, List<String> slots, Map<String, Object> attributes, boolean includeDrafts) {

  public PreviewRequest {
    slots = List.copyOf(slots);
    attributes = Map.copyOf(attributes);
  }

  /** A preview of the published content only. */
  public PreviewRequest(String channel, List<String> slots, Map<String, Object> attributes) {
    this(channel, slots, attributes, false);
  }
}
