package dev.bespoke.cms.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event for {@code POST /api/v1/events}; build it with the factory for its type.
 *
 * @param pageUrl the page the event happened on, for page views; else {@code null}
 */
public record TrackEvent(
    String type,
    String decisionId,
    String goal,
    Double value,
    String name,
    String pageUrl,
    Map<String, Object> properties) {

  public TrackEvent {
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties)); // keeps null values
  }

  public static TrackEvent impression(String decisionId) {
    return new TrackEvent("impression", decisionId, null, null, null, null, null);
  }

  public static TrackEvent click(String decisionId) {
    return new TrackEvent("click", decisionId, null, null, null, null, null);
  }

  /** A goal reached, with an optional value (an order total) and decision it follows. */
  public static TrackEvent conversion(String goal, Double value, String decisionId) {
    return new TrackEvent("conversion", decisionId, goal, value, null, null, null);
  }

  /** A page view; {@code properties} such as {@code category} update behaviour counters. */
  public static TrackEvent pageview(String pageUrl, Map<String, Object> properties) {
    return new TrackEvent("pageview", null, null, null, null, pageUrl, properties);
  }

  public static TrackEvent custom(String name, Map<String, Object> properties) {
    return new TrackEvent("custom", null, null, null, name, null, properties);
  }
}
