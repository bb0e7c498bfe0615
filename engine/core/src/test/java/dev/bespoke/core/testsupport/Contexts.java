package dev.bespoke.core.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.core.context.VisitorContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Builds visitor contexts for tests: from golden JSON, or from a fixed instant and zone. */
public final class Contexts {
  /** 2026-11-24T10:00:00Z: 11:00 on a Tuesday in Amsterdam. */
  public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private Contexts() {}

  public static VisitorContext.Builder at(Instant now) {
    return VisitorContext.builder(now, AMSTERDAM);
  }

  public static VisitorContext.Builder now() {
    return at(NOW);
  }

  /** The golden format: {@code {"now","zone","attributes","behavior","scores","segments"}}. */
  public static VisitorContext fromJson(JsonNode json) {
    VisitorContext.Builder b =
        VisitorContext.builder(
            Instant.parse(json.get("now").textValue()), ZoneId.of(json.get("zone").textValue()));
    for (Map.Entry<String, JsonNode> e : json.path("attributes").properties()) {
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        b.attribute(e.getKey(), v.textValue());
      } else if (v.isNumber()) {
        b.attribute(e.getKey(), v.numberValue());
      } else if (v.isBoolean()) {
        b.attribute(e.getKey(), v.booleanValue());
      } else {
        throw new IllegalArgumentException("golden attributes are scalars: " + e.getKey());
      }
    }
    for (JsonNode event : json.path("behavior")) {
      b.behavior(
          event.get("key").textValue(),
          LocalDate.parse(event.get("day").textValue()),
          event.get("count").longValue());
    }
    for (Map.Entry<String, JsonNode> e : json.path("scores").properties()) {
      b.score(e.getKey(), e.getValue().doubleValue());
    }
    Set<String> segments = new HashSet<>();
    json.path("segments").forEach(s -> segments.add(s.textValue()));
    return b.segmentResolver(segments::contains).build();
  }
}
