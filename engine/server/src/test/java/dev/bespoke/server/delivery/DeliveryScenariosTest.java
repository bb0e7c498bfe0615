package dev.bespoke.server.delivery;

import static dev.bespoke.server.delivery.Visitors.JWT_SECRET;
import static dev.bespoke.server.delivery.Visitors.TABLET_UA;
import static dev.bespoke.server.delivery.Visitors.decide;
import static dev.bespoke.server.delivery.Visitors.jwt;
import static dev.bespoke.server.delivery.Visitors.pageviews;
import static dev.bespoke.server.delivery.Visitors.request;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seed situations of the demo space, end to end over HTTP: what a visitor is shown, and why.
 * Runs on the embedded defaults and, in CI, against PostgreSQL and a real Redis.
 */
@QuarkusTest
class DeliveryScenariosTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @DisplayName("P9 the reason names segments and rules, never raw personal values")
  @Test
  void aFacebookAdVisitorOnATabletGetsTheFacebookOfferAndIsToldWhy() {
    Map<String, Object> body = request("web", List.of("home-hero"));
    body.put("page", Map.of("url", "https://shop.example/?utm_source=facebook&utm_medium=paid"));
    given()
        .contentType(ContentType.JSON)
        .header("User-Agent", TABLET_UA)
        .body(body)
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .body("decisions[0].variant.key", equalTo("facebook-offer"))
        .body("decisions[0].segments", contains("facebook-ad"))
        .body("decisions[0].reason", containsString("segment facebook-ad matched"))
        .body("decisions[0].fallback", equalTo(false))
        .header("Cache-Control", "private, no-store");
  }

  @Test
  void aVisitorFromTheNetherlandsByTheTrustedEdgeHeaderGetsTheBeneluxWelcome() {
    given()
        .contentType(ContentType.JSON)
        .header("CF-IPCountry", "NL")
        .header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5")
        .body(request("web", List.of("home-hero", "promo-bar")))
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .body("decisions[0].variant.key", equalTo("benelux-welcome"))
        .body("decisions[1].variant.key", equalTo("benelux-shipping"))
        .body("decisions[0].reason", containsString("geo.country in [NL, BE]"));
  }

  @Test
  void theDutchWelcomeIsOnlyForDutchReadersButTheShippingOfferIsForEveryBeneluxVisitor() {
    given()
        .contentType(ContentType.JSON)
        .header("CF-IPCountry", "NL")
        .header("Accept-Language", "en-GB")
        .body(request("web", List.of("home-hero", "promo-bar")))
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .body("decisions[0].variant.key", equalTo("home-hero-default"))
        .body("decisions[1].variant.key", equalTo("benelux-shipping"));
  }

  @Test
  void aSpoofedGeoHeaderIsNotBelieved() {
    given()
        .contentType(ContentType.JSON)
        .header("X-Country", "NL")
        .header("X-Geo-Country", "NL")
        .body(request("web", List.of("home-hero")))
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .body("decisions[0].variant.key", equalTo("home-hero-default"));
  }

  @Test
  void oneShoePageViewIsNotEnoughThreeMakeAShoeFanAndAPurchaseSuppressesTheOffer() {
    String visitor = newVisitor();
    pageviews(visitor, "shoes", 1);
    assertThat(heroFor(visitor)).isEqualTo("home-hero-default");

    pageviews(visitor, "shoes", 2);
    assertThat(heroFor(visitor)).isEqualTo("shoe-fan-running");

    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "space",
                "default",
                "visitorId",
                visitor,
                "events",
                List.of(Map.of("type", "conversion", "goal", "purchase", "value", 89.95))))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    assertThat(heroFor(visitor)).isNotEqualTo("shoe-fan-running");
  }

  @Test
  void anAppWithoutCookiesKeepsItsProfileBySendingBackTheSignedVisitorId() {
    String visitor = newVisitor();
    pageviews(visitor, "shoes", 3);
    Map<String, Object> body = request("mobile", List.of("home-hero"));
    body.put("visitorId", visitor);
    decide(body)
        .then()
        .statusCode(200)
        .body("visitorId", equalTo(visitor))
        .body("decisions[0].variant.key", equalTo("shoe-fan-running"));
  }

  @Test
  void aForgedVisitorIdStartsANewVisitorInstead() {
    String visitor = newVisitor();
    pageviews(visitor, "shoes", 3);
    String forged = visitor.substring(0, visitor.length() - 4) + "AAAA";
    Map<String, Object> body = request("web", List.of("home-hero"));
    body.put("visitorId", forged);
    Response answer = decide(body);
    answer.then().statusCode(200).body("decisions[0].variant.key", equalTo("home-hero-default"));
    assertThat(answer.jsonPath().getString("visitorId")).isNotEqualTo(forged).isNotEqualTo(visitor);
  }

  @Test
  void aSelfStatedPreferenceMovesTheVisitor() {
    String visitor = newVisitor();
    assertThat(appHeaderFor(visitor, null)).isEqualTo("app-header-default");
    given()
        .contentType(ContentType.JSON)
        .queryParam("visitorId", visitor)
        .body(Map.of("traits", Map.of("tier", "gold")))
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(200);
    assertThat(appHeaderFor(visitor, null)).isEqualTo("gold-member-header");
  }

  @Test
  void aLoggedInGoldCustomerGetsTheAppHeaderOnMobileAndNeverOnTheWeb() {
    String customer = "c-" + UUID.randomUUID();
    as(ADMIN)
        .body(Map.of("tier", "gold"))
        .put("/api/v1/admin/spaces/default/customers/" + customer + "/traits")
        .then()
        .statusCode(200);
    String token = jwt(customer, Map.of("name", "Jan"), JWT_SECRET);
    assertThat(appHeaderFor(null, token)).isEqualTo("gold-member-header");

    Map<String, Object> web = request("web", List.of("app-home-header"));
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + token)
        .body(web)
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .body("decisions[0].variant.key", not(equalTo("gold-member-header")));
  }

  @Test
  void aJwtSignedWithAnotherKeyIsNotBelieved() {
    String customer = "c-" + UUID.randomUUID();
    as(ADMIN)
        .body(Map.of("tier", "gold"))
        .put("/api/v1/admin/spaces/default/customers/" + customer + "/traits")
        .then()
        .statusCode(200);
    String forged =
        jwt(customer, Map.of("tier", "gold"), "an-attackers-own-secret-0123456789abcdef");
    assertThat(appHeaderFor(null, forged)).isEqualTo("app-header-default");
  }

  @Test
  void aValidJwtWhoseSubjectCannotBeACustomerIdLogsNobodyInAndNeverFailsTheRequest() {
    // Regression: a subject with a space or braces, or over 128 characters, used to give a 500.
    for (String subject : List.of("john doe", "{gold}", "x".repeat(129))) {
      String token = jwt(subject, Map.of("tier", "gold"), JWT_SECRET);
      assertThat(appHeaderFor(null, token)).as(subject).isEqualTo("app-header-default");
    }
  }

  @Test
  void anUnknownSlotIsA404NamingIt() {
    decide(request("web", List.of("home-hero", "no-such-slot")))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no-such-slot"));
  }

  @Test
  void badRequestsAreProblemsNamingTheField() {
    decide(request("<script>", List.of("home-hero")))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("channel"));
    decide(request("web", List.of("home-hero", "home-hero")))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slots[1]"));
    decide(request("web", List.of("../../admin")))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slots[0]"));
  }

  @Test
  void theVisitorCookieIsSignedHttpOnlyAndSameSiteLax() {
    Response answer = decide(request("web", List.of("home-hero")));
    String cookie = answer.getHeader("Set-Cookie");
    assertThat(cookie).startsWith("bespoke_vid=" + answer.jsonPath().getString("visitorId"));
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(cookie).containsIgnoringCase("Max-Age=");
  }

  @Test
  void theFragmentIsSanitisedHtmlOfTheChosenVariant() {
    given()
        .header("CF-IPCountry", "BE")
        .header("Accept-Language", "nl-BE")
        .queryParam("space", "default")
        .queryParam("channel", "web")
        .get("/api/v1/slots/home-hero/fragment")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Bespoke-Fallback", "false")
        .body(containsString("Welkom terug"))
        .body(not(containsString("<script")));
  }

  private static String newVisitor() {
    return decide(request("web", List.of("home-hero"))).jsonPath().getString("visitorId");
  }

  private static String heroFor(String visitor) {
    Map<String, Object> body = request("web", List.of("home-hero"));
    body.put("visitorId", visitor);
    return decide(body).then().statusCode(200).extract().path("decisions[0].variant.key");
  }

  private static String appHeaderFor(String visitor, String token) {
    Map<String, Object> body = request("mobile", List.of("app-home-header"));
    if (visitor != null) {
      body.put("visitorId", visitor);
    }
    var spec = given().contentType(ContentType.JSON).body(body);
    if (token != null) {
      spec = spec.header("Authorization", "Bearer " + token);
    }
    return spec.post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .extract()
        .path("decisions[0].variant.key");
  }
}
