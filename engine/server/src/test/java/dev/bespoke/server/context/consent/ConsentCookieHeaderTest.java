package dev.bespoke.server.context.consent;

import static dev.bespoke.server.profile.testsupport.DeliveryApi.EVENTS;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.ME;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.batch;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.pageview;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.visitor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.context.visitor.VisitorIds;
import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code bespoke_consent} cookie as browsers send it, in the raw {@code Cookie} header: a
 * refusal anywhere in the documented value is a refusal, on the decisions, events and {@code /me}
 * endpoints alike. The demo's default space does not require consent, so an unread refusal shows as
 * a visitor cookie or a stored profile.
 */
@QuarkusTest
class ConsentCookieHeaderTest {

  private static final String DECISIONS = "/api/v1/decisions";

  @Inject VisitorIds visitorIds;
  @Inject SnapshotRegistry snapshots;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  private static Response decideWithCookieHeader(String cookieHeader) {
    Response answer =
        given()
            .header("Cookie", cookieHeader)
            .queryParam("slot", "home-hero")
            .queryParam("channel", "web")
            .get(DECISIONS);
    answer.then().statusCode(StatusCode.OK);
    return answer;
  }

  @Test
  void aRefusalInTheSecondPairSetsNoVisitorCookie() {
    Response answer = decideWithCookieHeader("bespoke_consent=a:0,p:0");
    assertThat(answer.getDetailedCookie("bespoke_vid")).isNull();
  }

  @Test
  void aQuotedValueAmongOtherCookiesIsRead() {
    Response answer =
        decideWithCookieHeader("theme=dark; bespoke_consent=\"analytics:0,personalization:0\"");
    assertThat(answer.getDetailedCookie("bespoke_vid")).isNull();
  }

  @Test
  void theFirstOccurrenceOfTheCookieWins() {
    Response answer = decideWithCookieHeader("bespoke_consent=p:0; bespoke_consent=p:1");
    assertThat(answer.getDetailedCookie("bespoke_vid")).isNull();
  }

  @Test
  void eventsUnderARefusalInTheSecondPairStoreNoProfile() {
    String space = DeliveryApi.newSpace(snapshots, false);
    String id = visitorIds.issue();
    visitor()
        .header("Cookie", "bespoke_vid=" + id + "; bespoke_consent=a:1,p:0")
        .body(batch(space, null, List.of(pageview("shoes"))))
        .post(EVENTS)
        .then()
        .statusCode(StatusCode.ACCEPTED);
    Problems.problem(
        visitor().queryParam("space", space).queryParam("visitorId", id).get(ME),
        StatusCode.NOT_FOUND);
  }

  @Test
  void preferencesUnderARefusalInTheSecondPairAreRefused() {
    String space = DeliveryApi.newSpace(snapshots, false);
    Response refused =
        visitor()
            .header("Cookie", "bespoke_consent=a:1,p:0")
            .queryParam("space", space)
            .body(Map.of("traits", Map.of("preferredCategory", "trail")))
            .put(ME + "/preferences");
    Problems.problem(refused, StatusCode.CONFLICT);
    assertThat(refused.getDetailedCookie("bespoke_vid")).isNull();
  }
}
