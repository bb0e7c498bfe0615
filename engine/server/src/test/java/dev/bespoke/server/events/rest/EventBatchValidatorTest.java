package dev.bespoke.server.events.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.server.events.Event;
import dev.bespoke.server.events.EventType;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBatchValidatorTest {

  static EventBatchRequest.EventRequest event(String type) {
    return new EventBatchRequest.EventRequest(type, null, null, null, null, null, null);
  }

  static List<String> badFields(EventBatchRequest body) {
    try {
      EventBatchValidator.events(body);
      throw new AssertionError("expected a validation error");
    } catch (ValidationException e) {
      return e.errors().stream().map(FieldError::field).toList();
    }
  }

  @Test
  void aBatchOfAHundredIsTakenAndOneMoreIsNot() {
    List<EventBatchRequest.EventRequest> hundred =
        new ArrayList<>(Collections.nCopies(100, event("pageview")));
    assertThat(EventBatchValidator.events(new EventBatchRequest(null, null, hundred))).hasSize(100);
    hundred.add(event("pageview"));
    assertThat(badFields(new EventBatchRequest(null, null, hundred))).containsExactly("events");
  }

  @Test
  void everyBadEventIsNamed() {
    List<EventBatchRequest.EventRequest> events =
        List.of(
            event("pageview"),
            event("view"),
            event("custom"),
            event("conversion"),
            new EventBatchRequest.EventRequest(
                "custom", null, null, null, "has space", null, null));
    assertThat(badFields(new EventBatchRequest(null, null, events)))
        .containsExactly("events[1].type", "events[2].name", "events[3].goal", "events[4].name");
  }

  @Test
  void goalsAndNamesAreLowerCased() {
    List<Event> events =
        EventBatchValidator.events(
            new EventBatchRequest(
                null,
                null,
                List.of(
                    new EventBatchRequest.EventRequest(
                        "conversion", "d1", "Purchase", 49.95, null, null, Map.of()))));
    assertThat(events)
        .containsExactly(new Event(EventType.CONVERSION, "d1", "purchase", 49.95, null, Map.of()));
  }

  @Test
  void eventsAreRequiredAndTheSpaceDefaults() {
    assertThat(badFields(new EventBatchRequest("shop", null, null))).containsExactly("events");
    assertThat(EventBatchValidator.space(new EventBatchRequest(null, null, List.of())))
        .isEqualTo("default");
    assertThatThrownBy(
            () -> EventBatchValidator.space(new EventBatchRequest("Not A Key", null, null)))
        .isInstanceOf(ValidationException.class);
  }
}
