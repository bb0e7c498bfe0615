package dev.bespoke.server.reach;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST …/segments/{key}/reach} and {@code POST …/segments/reach} over real decisions: a
 * space of its own, so its sample holds exactly the visitors this test sent.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachResourceTest {

  private static final Map<String, Object> GOLD_RULE =
      map("attr", "request.tier", "op", "eq", "value", "gold");

  @Inject SnapshotRegistry snapshots;

  private String space;
  private String gold;
  private String tiered;
  private String slot;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  /** Once per class; in {@code @BeforeEach} because REST Assured knows the port only then. */
  @BeforeEach
  void content() {
    if (space != null) {
      return;
    }
    space = DeliveryApi.newSpace(snapshots, false);
    gold = Fixtures.create(Api.segments(space), with(Samples.segment("gold"), "rule", GOLD_RULE));
    tiered =
        Fixtures.create(
            Api.segments(space),
            with(Samples.segment("tiered"), "rule", map("attr", "request.tier", "op", "exists")));
    slot = Fixtures.newSlot(space);
    String variants = Api.variants(space, slot);
    Fixtures.create(variants, with(Samples.variant("base"), "isDefault", true));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    Fixtures.publish(variants + "/base");
    Eventually.until(
        Duration.ofSeconds(15), () -> snapshots.get(space).flatMap(s -> s.slot(slot)).isPresent());
  }

  private String reach(String segment) {
    return Api.segments(space) + "/" + segment + "/reach";
  }

  @Test
  void aSpaceNobodyVisitedSaysSoHonestly() {
    String quiet = DeliveryApi.newSpace(snapshots, false);
    String segment = Fixtures.newSegment(quiet);
    as(EDITOR)
        .body("{}")
        .post(Api.segments(quiet) + "/" + segment + "/reach")
        .then()
        .statusCode(StatusCode.OK)
        .body("segment", equalTo(segment))
        .body("sampleSize", equalTo(0))
        .body("matching", equalTo(0))
        .body("share", equalTo(0.0f))
        .body("since", nullValue());
  }

  @Test
  void visitorsSeenAreCountedForSavedAndUnsavedRulesAndForOverlaps() {
    // Every test of this class shares the space; reach is asked only after these four visits.
    for (String tier : List.of("gold", "gold", "gold", "silver")) {
      decide(Map.of("tier", tier));
    }
    decide(Map.of());

    as(EDITOR)
        .post(reach(gold))
        .then()
        .statusCode(StatusCode.OK)
        .body("segment", equalTo(gold))
        .body("sampleSize", equalTo(5))
        .body("matching", equalTo(3))
        .body("share", equalTo(0.6f))
        .body("since", notNullValue());

    // The builder's unsaved rule, for a segment not saved yet.
    as(EDITOR)
        .body(map("rule", map("attr", "request.tier", "op", "eq", "value", "silver")))
        .post(reach("not-saved-yet"))
        .then()
        .statusCode(StatusCode.OK)
        .body("matching", equalTo(1))
        .body("share", equalTo(0.2f));

    // An unsaved rule may lean on a published segment through inSegment.
    Fixtures.publish(Api.segments(space) + "/" + gold);
    Eventually.until(
        Duration.ofSeconds(15),
        () -> snapshots.get(space).map(s -> s.segments().contains(gold)).orElse(false));
    as(EDITOR)
        .body(map("rule", map("not", map("op", "inSegment", "value", gold))))
        .post(reach("not-gold"))
        .then()
        .statusCode(StatusCode.OK)
        .body("matching", equalTo(2));

    as(EDITOR)
        .body(map("segments", List.of(gold, tiered)))
        .post(Api.segments(space) + "/reach")
        .then()
        .statusCode(StatusCode.OK)
        .body("segments", equalTo(List.of(gold, tiered)))
        .body("sampleSize", equalTo(5))
        .body("inFirst", equalTo(3))
        .body("inSecond", equalTo(4))
        .body("inBoth", equalTo(3))
        .body("shareBoth", equalTo(0.6f));

    as(EDITOR)
        .body(
            map(
                "segments",
                List.of(gold, tiered),
                "rules",
                Map.of(gold, map("attr", "request.tier", "op", "eq", "value", "silver"))))
        .post(Api.segments(space) + "/reach")
        .then()
        .statusCode(StatusCode.OK)
        .body("inFirst", equalTo(1))
        .body("inBoth", equalTo(1));
  }

  @Test
  void aBadRuleIsAProblemNamingThePathInsideIt() {
    Problems.problem(
        as(EDITOR)
            .body(map("rule", map("attr", "request.tier", "op", "eval", "value", "x")))
            .post(reach(gold)),
        StatusCode.BAD_REQUEST,
        "rule.op");
    Problems.problem(
        as(EDITOR)
            .body(map("rule", map("attr", "nosuch.thing", "op", "eq", "value", "x")))
            .post(reach(gold)),
        StatusCode.BAD_REQUEST,
        "rule.attr");
    Problems.problem(
        as(EDITOR).body(map("segments", List.of(gold))).post(Api.segments(space) + "/reach"),
        StatusCode.BAD_REQUEST,
        "segments");
    Problems.problem(
        as(EDITOR).body(map("rules", Map.of())).post(reach(gold)), StatusCode.BAD_REQUEST);
  }

  @Test
  void anUnknownSegmentIsNotFound() {
    Problems.problem(as(EDITOR).body("{}").post(reach("no-such-segment")), StatusCode.NOT_FOUND);
  }

  @Test
  void editorsMayAskAndStrangersMayNot() {
    as(EDITOR).body("{}").post(reach(gold)).then().statusCode(StatusCode.OK);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post(reach(gold))
        .then()
        .statusCode(StatusCode.UNAUTHORIZED);
  }

  private void decide(Map<String, Object> traits) {
    given()
        .contentType(ContentType.JSON)
        .body(map("space", space, "channel", "web", "slots", List.of(slot), "traits", traits))
        .post("/api/v1/decisions")
        .then()
        .statusCode(StatusCode.OK);
  }
}
