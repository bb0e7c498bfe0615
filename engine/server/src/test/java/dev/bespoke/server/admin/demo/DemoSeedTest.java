package dev.bespoke.server.admin.demo;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import dev.bespoke.server.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test profile seeds the demo; these tests only read the default space. */
@QuarkusTest
class DemoSeedTest {

  private static final String SPACE = "default";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void seedsThePublishedSlots() {
    as(EDITOR)
        .get(Api.slots(SPACE))
        .then()
        .statusCode(StatusCode.OK)
        .body("items.key", hasItem("home-hero"))
        .body("items.key", hasItem("promo-bar"))
        .body("items.key", hasItem("app-home-header"));
    as(EDITOR)
        .get(Api.slots(SPACE) + "/home-hero")
        .then()
        .body("channels", contains("web", "mobile"))
        .body("status", equalTo("published"));
  }

  @Test
  void seedsTheSixSegments() {
    as(EDITOR)
        .queryParam("status", "published")
        .get(Api.segments(SPACE))
        .then()
        .body("items.key", hasItem("benelux"))
        .body(
            "items.findAll { it.key in ['benelux','facebook-ad','tablet-users','returning-visitor',"
                + "'shoe-fan','gold-customer'] }.key",
            containsInAnyOrder(
                "benelux",
                "facebook-ad",
                "tablet-users",
                "returning-visitor",
                "shoe-fan",
                "gold-customer"));
    as(EDITOR).get(Api.segments(SPACE) + "/shoe-fan").then().body("rule.within", equalTo("P30D"));
  }

  @Test
  void eachSlotHasAPublishedDefaultAndTargetedVariants() {
    for (String slot : new String[] {"home-hero", "promo-bar", "app-home-header"}) {
      as(EDITOR)
          .queryParam("status", "published")
          .get(Api.variants(SPACE, slot))
          .then()
          .body("items.findAll { it.isDefault }.size()", equalTo(1));
    }
    as(EDITOR)
        .get(Api.variants(SPACE, "home-hero") + "/benelux-welcome")
        .then()
        .body("fields.title", equalTo("Welkom terug"))
        .body("segments", contains("benelux"));
    as(EDITOR)
        .get(Api.variants(SPACE, "home-hero") + "/shoe-fan-running")
        .then()
        .body("suppressAfterConversion", equalTo("purchase"));
    as(EDITOR)
        .get(Api.variants(SPACE, "app-home-header") + "/gold-member-header")
        .then()
        .body("channels", contains("mobile"))
        .body("segments", contains("gold-customer"));
  }

  @Test
  void theSeedIsAuditedAsTheSystem() {
    as(EDITOR)
        .queryParam("entityKey", "home-hero/benelux-welcome")
        .get(Api.audit(SPACE))
        .then()
        .body("items.action", contains("publish", "create"))
        .body("items.actor", everyItem(equalTo("system")));
  }
}
