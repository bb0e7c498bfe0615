package dev.bespoke.server.experiment;

import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consent a visitor stored with {@code PUT /me/consent} holds on later requests that state none: an
 * analytics refusal keeps them out of experiment counts (counted as excluded), a personalisation
 * refusal clears the visitor cookie, and an erased visitor's cookie gets a new id.
 */
@QuarkusTest
class StoredRefusalTest {

  private static final String GOAL = "purchase";
  private static final String ME = "/api/v1/me";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  /** Stores the consent for a visitor Bespoke issues an id to there and then; returns the id. */
  private static String visitorWhoStored(String space, boolean personalization, boolean analytics) {
    String visitor =
        given()
            .contentType(ContentType.JSON)
            .queryParam("space", space)
            .body(Map.of("personalization", personalization, "analytics", analytics))
            .put(ME + "/consent")
            .then()
            .statusCode(StatusCode.OK)
            .extract()
            .path("visitorId");
    assertThat(visitor).isNotNull();
    given()
        .queryParam("space", space)
        .queryParam("visitorId", visitor)
        .get(ME)
        .then()
        .statusCode(StatusCode.OK)
        .body("visitor.consent.analytics", org.hamcrest.Matchers.equalTo(analytics));
    return visitor;
  }

  private static long exposed(JsonPath results) {
    return results.getLong("arms.find { it.key == 'control' }.visitors")
        + results.getLong("arms.find { it.key == 'b' }.visitors");
  }

  private static long converted(JsonPath results) {
    return results.getLong("arms.find { it.key == 'control' }.conversions")
        + results.getLong("arms.find { it.key == 'b' }.conversions");
  }

  @Test
  void aStoredAnalyticsRefusalKeepsDecisionsAndConversionsOutOfTheCounts() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key = Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), slot, GOAL, 1, 1));
    String visitor = visitorWhoStored(space, true, false);

    JsonPath decided = Lab.decide(space, visitor, List.of(slot), Map.of());
    assertThat(decided.getString("decisions[0].experiment.key")).isEqualTo(key);
    Lab.events(space, visitor, List.of(Lab.conversion(GOAL)), Map.of());

    JsonPath results = Lab.results(space, key);
    assertThat(exposed(results)).isZero();
    assertThat(converted(results)).isZero();
    assertThat(results.getLong("excluded.noAnalyticsConsent")).isEqualTo(2);
  }

  @Test
  void aStoredAnalyticsRefusalKeepsImpressionsOutOfTheCounts() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key =
        Lab.createAndStart(
            space,
            with(Lab.ab(Lab.newExperimentKey(), slot, GOAL, 1, 1), "exposure", "impression"));
    String visitor = visitorWhoStored(space, true, false);

    JsonPath decided = Lab.decide(space, visitor, List.of(slot), Map.of());
    Lab.events(
        space,
        visitor,
        List.of(Lab.impression(decided.getString("decisions[0].decisionId"))),
        Map.of());

    JsonPath results = Lab.results(space, key);
    assertThat(exposed(results)).isZero();
    assertThat(results.getLong("excluded.noAnalyticsConsent")).isEqualTo(1);
  }

  @Test
  void aStoredPersonalisationRefusalClearsTheVisitorCookieInsteadOfRenewingIt() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String visitor = visitorWhoStored(space, true, true);
    given()
        .contentType(ContentType.JSON)
        .queryParam("space", space)
        .cookie("bespoke_vid", visitor)
        .body(Map.of("personalization", false, "analytics", false))
        .put(ME + "/consent")
        .then()
        .statusCode(StatusCode.OK);

    Response byCookie =
        given()
            .cookie("bespoke_vid", visitor)
            .queryParam("space", space)
            .queryParam("slot", slot)
            .queryParam("channel", "web")
            .get("/api/v1/decisions");
    byCookie.then().statusCode(StatusCode.OK);
    assertThat(byCookie.getDetailedCookie("bespoke_vid")).isNotNull();
    assertThat(byCookie.getDetailedCookie("bespoke_vid").getMaxAge()).isZero();

    Response byBody =
        given()
            .contentType(ContentType.JSON)
            .body(
                map("space", space, "channel", "web", "visitorId", visitor, "slots", List.of(slot)))
            .post("/api/v1/decisions");
    byBody.then().statusCode(StatusCode.OK);
    assertThat(byBody.getDetailedCookie("bespoke_vid")).isNotNull();
    assertThat(byBody.getDetailedCookie("bespoke_vid").getMaxAge()).isZero();
  }

  @Test
  void aValidCookieOfAnErasedVisitorGetsAFreshId() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String erased = visitorWhoStored(space, true, true);
    given()
        .queryParam("space", space)
        .cookie("bespoke_vid", erased)
        .delete(ME)
        .then()
        .statusCode(StatusCode.NO_CONTENT);

    Response answer =
        given()
            .cookie("bespoke_vid", erased)
            .queryParam("space", space)
            .queryParam("slot", slot)
            .queryParam("channel", "web")
            .get("/api/v1/decisions");
    answer.then().statusCode(StatusCode.OK);
    String fresh = answer.jsonPath().getString("visitorId");
    assertThat(fresh).isNotBlank().isNotEqualTo(erased);
    assertThat(answer.getDetailedCookie("bespoke_vid").getValue()).isEqualTo(fresh);
    given()
        .queryParam("space", space)
        .queryParam("visitorId", erased)
        .get(ME)
        .then()
        .statusCode(StatusCode.NOT_FOUND);
  }
}
