package dev.bespoke.server.reliability.hostile;

import static dev.bespoke.server.reliability.hostile.Hostile.answered;
import static dev.bespoke.server.reliability.hostile.Hostile.okOr;
import static dev.bespoke.server.reliability.hostile.Hostile.only;
import static dev.bespoke.server.testsupport.Samples.map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Hostile inputs 42–47: the events API. */
@QuarkusTest
class EventsHostileTest {

  private static final String EVENTS = "/api/v1/events";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @TestFactory
  Stream<DynamicTest> events() {
    return Stream.of(
        dynamicTest(
            "H42 an empty batch",
            () -> {
              String visitor = newVisitor();
              answered(post(map("visitorId", visitor, "events", List.of())), only(400));
              answered(given().contentType(ContentType.JSON).body("[]").post(EVENTS), only(400));
              assertThat(me(visitor).getInt("visitor.visits.count")).isEqualTo(1);
            }),
        dynamicTest(
            "H43 10,000 events or a 5 MB body",
            () -> {
              String visitor = newVisitor();
              List<Object> many =
                  IntStream.range(0, 10_000)
                      .mapToObj(
                          i ->
                              (Object)
                                  map(
                                      "type", "pageview",
                                      "page", Map.of("url", "https://shop.example/p/" + i),
                                      "properties", Map.of("category", "shoes")))
                      .toList();
              answered(post(map("visitorId", visitor, "events", many)), only(413));
              String huge = "x".repeat(5 * 1024 * 1024);
              answered(
                  post(
                      map(
                          "visitorId",
                          visitor,
                          "events",
                          List.of(
                              map(
                                  "type",
                                  "custom",
                                  "name",
                                  "big",
                                  "properties",
                                  Map.of("blob", huge))))),
                  only(413),
                  huge.substring(0, 1000));
              assertThat(me(visitor).getMap("visitor.counters")).isEmpty();
            }),
        dynamicTest(
            "H44 a visitorId that is not the caller's writes to no other profile",
            () -> {
              String victim = newVisitor();
              String forged =
                  victim.substring(0, victim.length() - 1) + (victim.endsWith("A") ? "B" : "A");
              Response r = post(map("visitorId", forged, "events", List.of(pageview("stolen"))));
              answered(r, okOr(400), forged);
              Response withCookie =
                  given()
                      .contentType(ContentType.JSON)
                      .cookie("bespoke_vid", newVisitor())
                      .body(map("visitorId", forged, "events", List.of(pageview("stolen"))))
                      .post(EVENTS);
              answered(withCookie, okOr(400), forged);
              assertThat(me(victim).getMap("visitor.counters")).isEmpty();
            }),
        dynamicTest(
            "H45 a goal for an experiment never seen is accepted and assigns nothing",
            () -> {
              String visitor = newVisitor();
              Response r =
                  post(
                      map(
                          "visitorId",
                          visitor,
                          "events",
                          List.of(
                              map(
                                  "type",
                                  "conversion",
                                  "goal",
                                  "purchase",
                                  "decisionId",
                                  "d1~default~home-hero~forged"))));
              answered(r, okOr(400), "forged");
              JsonPath me = me(visitor);
              assertThat(me.getMap("visitor.experiments")).isNullOrEmpty();
            }),
        dynamicTest(
            "H46 the same event id sent twice is counted once",
            () -> {
              String visitor = newVisitor();
              Map<String, Object> event = pageview("socks");
              event.put("id", "evt-0001");
              Map<String, Object> batch = map("visitorId", visitor, "events", List.of(event));
              answered(post(batch), only(202));
              answered(post(batch), only(202));
              Map<String, Object> twiceInOne =
                  map("visitorId", visitor, "events", Collections.nCopies(2, pageview2("hats")));
              answered(post(twiceInOne), only(202));
              JsonPath me = me(visitor);
              assertThat(me.getMap("visitor.counters.'pageview.category.socks'").values())
                  .containsExactly(1);
              assertThat(me.getMap("visitor.counters.'pageview.category.hats'").values())
                  .containsExactly(1);
            }),
        dynamicTest(
            "H47 a timestamp ten years away changes nothing about when it counts",
            () -> {
              String visitor = newVisitor();
              Map<String, Object> future = pageview("boots");
              future.put("timestamp", "2036-01-01T00:00:00Z");
              Map<String, Object> past = pageview("boots");
              past.put("timestamp", "2016-01-01T00:00:00Z");
              answered(post(map("visitorId", visitor, "events", List.of(future, past))), okOr(400));
              JsonPath me = me(visitor);
              String today =
                  java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
              Map<String, Object> days = me.getMap("visitor.counters.'pageview.category.boots'");
              assertThat(days == null ? Map.of() : days)
                  .doesNotContainKeys("2036-01-01", "2016-01-01");
              assertThat(me.getString("visitor.visits.lastSeen"))
                  .doesNotStartWith("2036")
                  .doesNotStartWith("2016");
              assertThat(today).isNotEmpty();
            }));
  }

  private static Response post(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post(EVENTS);
  }

  private static Map<String, Object> pageview(String category) {
    return map(
        "type", "pageview",
        "page", Map.of("url", "https://shop.example/" + category),
        "properties", Map.of("category", category));
  }

  private static Map<String, Object> pageview2(String category) {
    Map<String, Object> event = pageview(category);
    event.put("id", "evt-in-batch");
    return event;
  }

  private static String newVisitor() {
    return given()
        .contentType(ContentType.JSON)
        .body(map("channel", "web", "slots", List.of("promo-bar")))
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .extract()
        .path("visitorId");
  }

  private static JsonPath me(String visitor) {
    return given()
        .queryParam("visitorId", visitor)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
