package dev.bespoke.server.delivery;

import static dev.bespoke.server.delivery.Visitors.decide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consent given once is remembered: where a space requires consent, a visitor who granted it
 * through {@code /me/consent} or in a decisions request is personalised and counted afterwards even
 * when later requests do not repeat the answer. Regression tests for both being forgotten.
 */
@QuarkusTest
class StoredConsentTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject SnapshotRegistry snapshots;

  private String space;
  private Map<String, Object> decisions;

  @BeforeEach
  void consentRequiredSpaceWithASlot() {
    space = DeliveryApi.newSpace(snapshots, true);
    String slot = Fixtures.create(Api.slots(space), Samples.slot("banner"));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    String variants = Api.variants(space, slot);
    Fixtures.publish(
        variants
            + "/"
            + Fixtures.create(
                variants, Samples.with(Samples.variant("banner-default"), "isDefault", true)));
    decisions = Samples.map("space", space, "channel", "web", "slots", List.of(slot));
    Eventually.until(WAIT, () -> decide(decisions).statusCode() == 200);
  }

  @Test
  void consentStoredThroughMeAllowsLaterDecisionsToRecordTheVisit() {
    String visitor =
        given()
            .contentType(ContentType.JSON)
            .queryParam("space", space)
            .body(Map.of("personalization", true, "analytics", true))
            .put("/api/v1/me/consent")
            .then()
            .statusCode(200)
            .extract()
            .path("visitorId");

    Map<String, Object> withoutConsent = new HashMap<>(decisions);
    withoutConsent.put("visitorId", visitor);
    decide(withoutConsent).then().statusCode(200);

    Eventually.until(WAIT, () -> me(visitor).getInt("visitor.visits.count") >= 1);
  }

  @Test
  void consentGivenInADecisionsRequestIsRememberedForLaterEvents() {
    Map<String, Object> consenting = new HashMap<>(decisions);
    consenting.put("consent", Map.of("personalization", true, "analytics", true));
    String visitor = decide(consenting).then().statusCode(200).extract().path("visitorId");
    Eventually.until(WAIT, () -> meStatus(visitor) == 200);

    DeliveryApi.post(space, visitor, List.of(DeliveryApi.pageview("shoes")));

    Eventually.until(
        WAIT,
        () -> {
          Object count = me(visitor).get("visitor.counters.'pageview.category.shoes'");
          return count != null && !count.toString().equals("{}");
        });
    assertThat(me(visitor).getBoolean("visitor.consent.analytics")).isTrue();
  }

  private int meStatus(String visitor) {
    return given()
        .queryParam("space", space)
        .queryParam("visitorId", visitor)
        .get("/api/v1/me")
        .statusCode();
  }

  private JsonPath me(String visitor) {
    return given()
        .queryParam("space", space)
        .queryParam("visitorId", visitor)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
