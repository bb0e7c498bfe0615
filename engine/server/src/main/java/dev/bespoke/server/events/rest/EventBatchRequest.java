package dev.bespoke.server.events.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/events}. Unknown fields are ignored (delivery API). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBatchRequest(String space, String visitorId, List<EventRequest> events) {

  /** One event on the wire. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EventRequest(
      String type,
      String decisionId,
      String goal,
      Double value,
      String name,
      PageRef page,
      java.util.Map<String, Object> properties,
      String id) {

    /** An event without a client id. */
    public EventRequest(
        String type,
        String decisionId,
        String goal,
        Double value,
        String name,
        PageRef page,
        java.util.Map<String, Object> properties) {
      this(type, decisionId, goal, value, name, page, properties, null);
    }
  }

  /** The page an event happened on; kept for the wire contract, not stored. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @Schema(name = "EventPage")
  public record PageRef(String url, String referrer) {}

  @Override
  public String toString() {
    return "EventBatchRequest[" + space + ", " + (events == null ? 0 : events.size()) + " events]";
  }
}
