package dev.bespoke.server.events;

import java.util.Map;

/**
 * One validated event.
 *
 * @param decisionId the opaque decision id an impression, click or conversion refers to; may be
 *     null
 * @param goal the conversion goal, lower-cased (conversions only)
 * @param value the conversion value, may be null
 * @param name the custom event's name, lower-cased (custom only)
 * @param properties what the event is about ({@code {"category": "shoes"}}); scalars are counted
 */
public record Event(
    EventType type,
    String decisionId,
    String goal,
    Double value,
    String name,
    Map<String, Object> properties) {

  public Event {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  @Override
  public String toString() {
    return "Event[" + type.wireName() + "]";
  }
}
