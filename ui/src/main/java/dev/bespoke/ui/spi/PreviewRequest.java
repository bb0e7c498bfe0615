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
 */
public record PreviewRequest(String channel, List<String> slots, Map<String, Object> attributes) {

  public PreviewRequest {
    slots = List.copyOf(slots);
    attributes = Map.copyOf(attributes);
  }
}
