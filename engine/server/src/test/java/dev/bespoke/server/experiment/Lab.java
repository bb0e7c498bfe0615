package dev.bespoke.server.experiment;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static io.restassured.RestAssured.given;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;

/** Builds deliverable slots and experiments over the admin API, and talks to the delivery API. */
final class Lab {

  /** The non-default variant every lab slot has besides its default, {@code base}. */
  static final String VARIANT_B = "b";

  static final String DEFAULT_VARIANT = "base";

  private Lab() {}

  /** A published slot with a published default {@code base} and a published variant {@code b}. */
  static String publishedSlot(String space) {
    String slot = Fixtures.newSlot(space);
    String variants = Api.variants(space, slot);
    Fixtures.create(variants, with(Samples.variant(DEFAULT_VARIANT), "isDefault", true));
    Fixtures.create(variants, Samples.variant(VARIANT_B));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    Fixtures.publish(variants + "/" + DEFAULT_VARIANT);
    Fixtures.publish(variants + "/" + VARIANT_B);
    return slot;
  }

  /** An A/B body: arm {@code control} serves the default, arm {@code b} the variant b. */
  static Map<String, Object> ab(
      String key, String slot, String goal, int controlWeight, int bWeight) {
    return map(
        "key",
        key,
        "slot",
        slot,
        "type",
        "ab",
        "goal",
        goal,
        "arms",
        List.of(
            map("key", "control", "variant", DEFAULT_VARIANT, "weight", controlWeight),
            map("key", "b", "variant", VARIANT_B, "weight", bWeight)));
  }

  static String url(String space, String key) {
    return Api.experiments(space) + "/" + key;
  }

  /** Creates the experiment as an editor and starts it as a publisher. */
  static String createAndStart(String space, Map<String, Object> body) {
    String key = Fixtures.create(Api.experiments(space), body);
    as(PUBLISHER).post(url(space, key) + "/start").then().statusCode(StatusCode.OK);
    return key;
  }

  static JsonPath results(String space, String key) {
    return as(EDITOR)
        .get(url(space, key) + "/results")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  static String newExperimentKey() {
    return unique("exp");
  }

  /** One decisions request; {@code visitorId} may be null for a new visitor. */
  static JsonPath decide(
      String space, String visitorId, List<String> slots, Map<String, Object> extra) {
    Map<String, Object> body = map("space", space, "channel", "web", "slots", slots);
    if (visitorId != null) {
      body.put("visitorId", visitorId);
    }
    body.putAll(extra);
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/decisions")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  static void events(
      String space, String visitorId, List<Map<String, Object>> events, Map<String, Object> extra) {
    Map<String, Object> body = map("space", space, "visitorId", visitorId, "events", events);
    body.putAll(extra);
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(StatusCode.ACCEPTED);
  }

  static Map<String, Object> conversion(String goal) {
    return map("type", "conversion", "goal", goal);
  }

  static Map<String, Object> impression(String decisionId) {
    return map("type", "impression", "decisionId", decisionId);
  }

  static List<Map<String, Object>> list(Map<String, Object> one) {
    List<Map<String, Object>> list = new ArrayList<>();
    list.add(one);
    return list;
  }
}
