package dev.bespoke.server.reliability.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** P8 (metrics) and P11 over the delivery API of the default test profile. */
@QuarkusTest
class PrivacyTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  @DisplayName(
      "P11 personalised JSON and HTML fragments are Cache-Control private: a CDN never serves"
          + " one visitor's variant to another")
  void personalisedAnswersArePrivate() {
    String visitor = decide(null).jsonPath().getString("visitorId");
    Response json = decide(visitor);
    json.then().statusCode(200);
    assertThat(json.header("Cache-Control")).startsWith("private");

    Response fragment =
        given()
            .queryParam("space", "default")
            .queryParam("visitorId", visitor)
            .get("/api/v1/slots/home-hero/fragment");
    fragment.then().statusCode(200);
    assertThat(fragment.contentType()).startsWith("text/html");
    assertThat(fragment.header("Cache-Control")).startsWith("private");
    // A cacheable answer is keyed on the visitor's cookie, never shared.
    if (!fragment.header("Cache-Control").contains("no-store")) {
      assertThat(fragment.header("Vary")).containsIgnoringCase("Cookie");
    }
  }

  @Test
  @DisplayName("P8 metric labels never carry visitor ids, cookie values or client addresses")
  void metricLabelsCarryNoVisitorData() {
    String visitor = decide(null).jsonPath().getString("visitorId");
    for (int i = 0; i < 3; i++) {
      given()
          .contentType(ContentType.JSON)
          .header("X-Forwarded-For", "203.0.113.77")
          .cookie("bespoke_vid", visitor)
          .body(
              Map.of(
                  "space",
                  "default",
                  "visitorId",
                  visitor,
                  "events",
                  List.of(Map.of("type", "pageview", "page", Map.of("url", "https://x/a")))))
          .post("/api/v1/events")
          .then()
          .statusCode(202);
      decide(visitor).then().statusCode(200);
    }
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    String unique = visitor.split("\\.")[1];
    assertThat(metrics).contains("bespoke_").doesNotContain(unique, "203.0.113.77", "bespoke_vid=");
  }

  private static Response decide(String visitorId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("space", "default");
    body.put("channel", "web");
    body.put("slots", List.of("home-hero"));
    if (visitorId != null) {
      body.put("visitorId", visitorId);
    }
    return given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", "203.0.113.77")
        .body(body)
        .post("/api/v1/decisions");
  }
}
