package dev.bespoke.server.reliability.hostile;

import static dev.bespoke.server.testsupport.Fixtures.create;
import static dev.bespoke.server.testsupport.Fixtures.publish;
import static dev.bespoke.server.testsupport.Samples.map;
import static io.restassured.RestAssured.given;

import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Published slots in a space of the test's own, for inputs that must be seen delivered. */
final class PublishedContent {

  final String space;

  PublishedContent() {
    this.space = Fixtures.newSpace();
  }

  /** A published web slot whose only (default) variant is {@code variant}; returns the slot key. */
  String slotWithDefault(Map<String, Object> variant) {
    return slotWithDefault(variant, null);
  }

  String slotWithDefault(Map<String, Object> variant, String template) {
    String key = UniqueKeys.unique("slot");
    Map<String, Object> slot = map("key", key, "name", "Slot " + key, "channels", List.of("web"));
    if (template != null) {
      slot.put("template", template);
    }
    publish(Api.slots(space) + "/" + create(Api.slots(space), slot));
    Map<String, Object> body = new java.util.LinkedHashMap<>(variant);
    body.putIfAbsent("key", "only");
    body.putIfAbsent("name", "Only variant");
    body.put("isDefault", true);
    String variants = Api.variants(space, key);
    publish(variants + "/" + create(variants, body));
    Eventually.until(Duration.ofSeconds(10), () -> decide(key, Map.of()).statusCode() == 200);
    return key;
  }

  /** A published segment; returns its key. */
  String segment(Map<String, Object> rule) {
    String key = UniqueKeys.unique("seg");
    publish(
        Api.segments(space)
            + "/"
            + create(Api.segments(space), map("key", key, "name", "Segment " + key, "rule", rule)));
    return key;
  }

  /** Adds a published variant for {@code segment} to the slot and waits until it is served. */
  void targeted(String slot, String segment, Map<String, Object> fields, Map<String, Object> hit) {
    String variants = Api.variants(space, slot);
    publish(
        variants
            + "/"
            + create(
                variants,
                map(
                    "key",
                    "targeted",
                    "name",
                    "Targeted",
                    "segments",
                    List.of(segment),
                    "priority",
                    10,
                    "fields",
                    fields)));
    Eventually.until(
        Duration.ofSeconds(10),
        () -> "targeted".equals(decide(slot, hit).path("decisions[0].variant.key")));
  }

  Response decide(String slot, Map<String, Object> extra) {
    Map<String, Object> body = map("space", space, "channel", "web", "slots", List.of(slot));
    body.putAll(extra);
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions");
  }

  Response fragment(String slot) {
    return given()
        .queryParam("space", space)
        .queryParam("channel", "web")
        .get("/api/v1/slots/" + slot + "/fragment");
  }
}
