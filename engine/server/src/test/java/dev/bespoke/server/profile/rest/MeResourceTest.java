package dev.bespoke.server.profile.rest;

import static dev.bespoke.server.profile.testsupport.DeliveryApi.ME;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.pageview;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.bespoke.server.context.visitor.VisitorIds;
import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

  @Inject VisitorIds visitorIds;
  @Inject SnapshotRegistry snapshots;

  String space;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @BeforeEach
  void newSpace() {
    space = DeliveryApi.newSpace(snapshots, false);
  }

  Response getMe(String visitorId) {
    return visitor().queryParam("space", space).queryParam("visitorId", visitorId).get(ME);
  }

  Response put(String path, String visitorId, Object body) {
    return visitor()
        .queryParam("space", space)
        .queryParam("visitorId", visitorId)
        .body(body)
        .put(ME + path);
  }

  @Test
  void nothingStoredIsA404() {
    Problems.problem(visitor().queryParam("space", space).get(ME), StatusCode.NOT_FOUND);
    Problems.problem(getMe(visitorIds.issue()), StatusCode.NOT_FOUND);
  }

  @DisplayName("P7 the export holds profile, consent, counters, scores, traits and conversions")
  @Test
  void theExportShowsEverythingStored() {
    String id = visitorIds.issue();
    DeliveryApi.post(space, id, List.of(pageview("shoes"), DeliveryApi.conversion("purchase")));
    put("/preferences", id, Map.of("traits", Map.of("preferredCategory", "running")))
        .then()
        .statusCode(StatusCode.OK);
    put("/consent", id, Map.of("personalization", true, "analytics", false))
        .then()
        .statusCode(StatusCode.OK);

    getMe(id)
        .then()
        .statusCode(StatusCode.OK)
        .header("Cache-Control", containsString("no-store"))
        .body("space", equalTo(space))
        .body("visitor.visits.count", equalTo(1))
        .body("visitor.visits.firstSeen", notNullValue())
        .body("visitor.counters.'pageview.category.shoes'", hasValue(1))
        .body("visitor.scores.'category.shoes'.halfLife", equalTo("P14D"))
        .body("visitor.traits.preferredCategory", equalTo("running"))
        .body("visitor.consent.personalization", equalTo(true))
        .body("visitor.consent.analytics", equalTo(false))
        .body("visitor.conversions.purchase", notNullValue())
        .body("customer", nullValue());
  }

  @Test
  void consentWithoutAVisitorStartsOneAndSetsTheCookie() {
    Response answer = put("/consent", null, Map.of("personalization", true, "analytics", true));
    answer.then().statusCode(StatusCode.OK).body("personalization", equalTo(true));
    String id = answer.jsonPath().getString("visitorId");
    assertThat(visitorIds.verify(id)).isPresent();
    assertThat(answer.getDetailedCookie("bespoke_vid").getValue()).isEqualTo(id);
    assertThat(answer.getDetailedCookie("bespoke_vid").isHttpOnly()).isTrue();

    getMe(id).then().statusCode(StatusCode.OK).body("visitor.consent.analytics", equalTo(true));
  }

  @Test
  void consentNeedsBothAnswers() {
    Problems.problem(
        put("/consent", visitorIds.issue(), Map.of("personalization", true)),
        StatusCode.BAD_REQUEST,
        "analytics");
  }

  @Test
  void preferencesAreCheckedByName() {
    String id = visitorIds.issue();
    Map<String, Object> tooMany = new HashMap<>();
    for (int i = 0; i < 51; i++) {
      tooMany.put("trait" + i, i);
    }
    Problems.problem(
        put("/preferences", id, Map.of("traits", tooMany)), StatusCode.BAD_REQUEST, "traits");
    Problems.problem(
        put("/preferences", id, Map.of("traits", Map.of("address", Map.of("city", "Utrecht")))),
        StatusCode.BAD_REQUEST,
        "traits.address");
    Problems.problem(put("/preferences", id, Map.of()), StatusCode.BAD_REQUEST, "traits");
  }

  @Test
  void preferencesReplaceTheEarlierOnes() {
    String id = visitorIds.issue();
    put("/preferences", id, Map.of("traits", Map.of("size", 43, "newsletter", true)))
        .then()
        .statusCode(StatusCode.OK)
        .body("traits.size", equalTo(43));
    put("/preferences", id, Map.of("traits", Map.of("preferredCategory", "trail")))
        .then()
        .statusCode(StatusCode.OK);
    getMe(id)
        .then()
        .body("visitor.traits.preferredCategory", equalTo("trail"))
        .body("visitor.traits.size", nullValue());
  }

  @Test
  void whereConsentIsRequiredPreferencesWaitForIt() {
    String strict = DeliveryApi.newSpace(snapshots, true);
    Response refused =
        visitor()
            .queryParam("space", strict)
            .body(Map.of("traits", Map.of("preferredCategory", "running")))
            .put(ME + "/preferences");
    Problems.problem(refused, StatusCode.CONFLICT);
    assertThat(refused.getDetailedCookie("bespoke_vid")).isNull();

    visitor()
        .queryParam("space", strict)
        .cookie("bespoke_consent", "personalization=yes")
        .body(Map.of("traits", Map.of("preferredCategory", "running")))
        .put(ME + "/preferences")
        .then()
        .statusCode(StatusCode.OK)
        .cookie("bespoke_vid", notNullValue());
  }

  @DisplayName("P5 after erasure an old cookie and replayed events recreate no profile")
  @Test
  void erasureRemovesEverythingAndTheOldIdStaysDead() {
    String id = visitorIds.issue();
    DeliveryApi.post(space, id, List.of(pageview("shoes")));
    getMe(id).then().statusCode(StatusCode.OK);

    Response erased = visitor().queryParam("space", space).cookie("bespoke_vid", id).delete(ME);
    erased.then().statusCode(StatusCode.NO_CONTENT);
    assertThat(erased.getDetailedCookie("bespoke_vid").getMaxAge()).isZero();

    Problems.problem(getMe(id), StatusCode.NOT_FOUND);
    DeliveryApi.post(space, id, List.of(pageview("shoes")));
    Problems.problem(getMe(id), StatusCode.NOT_FOUND);
    Problems.problem(
        put("/preferences", id, Map.of("traits", Map.of("a", "b"))), StatusCode.CONFLICT);
    // Issue 14 item 9: consent for an erased id was answered 200 while nothing was stored.
    Problems.problem(
        put("/consent", id, Map.of("personalization", true, "analytics", true)),
        StatusCode.CONFLICT);
    Problems.problem(getMe(id), StatusCode.NOT_FOUND);
  }

  @DisplayName("P2 consent granted then revoked: cookie cleared, profile deleted, no new writes")
  @Test
  void revokingConsentWhereItIsRequiredDeletesTheProfileAndTheCookie() {
    String strict = DeliveryApi.newSpace(snapshots, true);
    String id = visitorIds.issue();
    visitor()
        .queryParam("space", strict)
        .queryParam("visitorId", id)
        .body(Map.of("personalization", true, "analytics", true))
        .put(ME + "/consent")
        .then()
        .statusCode(StatusCode.OK);
    DeliveryApi.post(strict, id, List.of(pageview("shoes")));
    visitor()
        .queryParam("space", strict)
        .queryParam("visitorId", id)
        .get(ME)
        .then()
        .statusCode(200);

    Response revoked =
        visitor()
            .queryParam("space", strict)
            .cookie("bespoke_vid", id)
            .body(Map.of("personalization", false, "analytics", false))
            .put(ME + "/consent");
    revoked.then().statusCode(StatusCode.OK).body("visitorId", nullValue());
    assertThat(revoked.getDetailedCookie("bespoke_vid").getMaxAge()).isZero();

    DeliveryApi.post(strict, id, List.of(pageview("shoes")));
    Problems.problem(
        visitor().queryParam("space", strict).queryParam("visitorId", id).get(ME),
        StatusCode.NOT_FOUND);
  }

  @DisplayName(
      "P3 measurement allowed, personalisation refused: only the refusal is kept, no behaviour is stored for decisions")
  @Test
  void revokingConsentElsewhereKeepsOnlyTheRefusal() {
    String id = visitorIds.issue();
    DeliveryApi.post(space, id, List.of(pageview("shoes")));
    put("/consent", id, Map.of("personalization", false, "analytics", true))
        .then()
        .statusCode(StatusCode.OK);
    DeliveryApi.post(space, id, List.of(pageview("bags")));

    getMe(id)
        .then()
        .statusCode(StatusCode.OK)
        .body("visitor.consent.personalization", equalTo(false))
        .body("visitor.counters.size()", equalTo(0))
        .body("visitor.visits.count", equalTo(0));
  }

  @Test
  void anUnknownSpaceIs404() {
    Problems.problem(visitor().queryParam("space", "no-such-space").get(ME), StatusCode.NOT_FOUND);
    Problems.problem(
        visitor().queryParam("space", "Bad Space").get(ME), StatusCode.BAD_REQUEST, "space");
  }

  @Test
  void unknownFieldsAreIgnored() {
    put(
            "/consent",
            visitorIds.issue(),
            Samples.map("personalization", true, "analytics", true, "source", "banner-v2"))
        .then()
        .statusCode(StatusCode.OK);
  }
}
