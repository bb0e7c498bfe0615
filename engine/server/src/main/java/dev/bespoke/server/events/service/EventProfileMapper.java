package dev.bespoke.server.events.service;

import dev.bespoke.server.events.Event;
import dev.bespoke.server.profile.BehaviorKeys;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileUpdate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a batch of events changes in the visitor's profile, as one update:
 *
 * <ul>
 *   <li>every batch is a visit touch (a new visit after the session gap);
 *   <li>a page view adds to the visit's page views, counts {@code pageview.<property>.<value>} in
 *       today's bucket and adds 1 to the score {@code <property>.<value>};
 *   <li>a click counts {@code click.<property>.<value>};
 *   <li>a conversion records the goal (for suppression) and counts {@code conversion.goal.<goal>};
 *   <li>a custom event counts {@code custom.name.<name>};
 *   <li>an impression changes nothing in the profile (experiments count it).
 * </ul>
 */
final class EventProfileMapper {

  /** Properties of one event that are counted; a page is about a few things, not hundreds. */
  static final int MAX_PROPERTIES = 10;

  private EventProfileMapper() {}

  static ProfileUpdate toUpdate(List<Event> events, Instant at, LocalDate today, ConsentGate gate) {
    return toUpdate(events, at, today, gate, java.util.Optional.empty());
  }

  static ProfileUpdate toUpdate(
      List<Event> events,
      Instant at,
      LocalDate today,
      ConsentGate gate,
      java.util.Optional<String> updateId) {
    ProfileUpdate.Builder update = ProfileUpdate.builder(at, today).touch().gate(gate);
    updateId.ifPresent(update::id);
    for (Event event : events) {
      switch (event.type()) {
        case PAGEVIEW -> {
          update.pageview();
          properties(event.properties(), "pageview", update, true);
        }
        case CLICK -> properties(event.properties(), "click", update, false);
        case CONVERSION -> {
          update.convert(event.goal());
          update.count("conversion.goal." + event.goal());
        }
        case CUSTOM -> update.count("custom.name." + event.name());
        case IMPRESSION -> {
          // Exposure is the experiment sink's business; the profile keeps assignments instead.
        }
      }
    }
    return update.build();
  }

  private static void properties(
      Map<String, Object> properties, String event, ProfileUpdate.Builder update, boolean scores) {
    properties.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .limit(MAX_PROPERTIES)
        .forEach(
            p -> {
              BehaviorKeys.counter(event, p.getKey(), p.getValue()).ifPresent(update::count);
              if (scores) {
                BehaviorKeys.score(p.getKey(), p.getValue()).ifPresent(update::score);
              }
            });
  }
}
