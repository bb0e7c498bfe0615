package dev.bespoke.server.bandit;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Bandits;
import dev.bespoke.server.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.Test;

/**
 * A bandit slot over the real HTTP API: it learns from clicks which variant earns more, sends that
 * one most of the traffic, keeps exploring the other, and counts a decision's reward once.
 */
@QuarkusTest
class BanditSlotTest {

  private static final String GOOD = "good";
  private static final String POOR = "poor";

  @Test
  void theBanditMovesTrafficToTheVariantThatEarnsClicks() {
    String space = Fixtures.newSpace();
    String slot = banditSlot(space);

    // Throughout, good is clicked on every second decision, poor on every twentieth.
    Map<String, Integer> learning = serve(space, slot, 200);
    assertThat(learning.keySet()).contains(GOOD, POOR);
    Eventually.until(
        Duration.ofSeconds(15),
        () -> trialsOf(space, slot, GOOD) + trialsOf(space, slot, POOR) >= 200);
    // The evidence every node's decisions read is refreshed in the background (1 s in tests).
    Eventually.until(
        Duration.ofSeconds(15), () -> serve(space, slot, 20).getOrDefault(GOOD, 0) >= 16);

    Map<String, Integer> exploiting = serve(space, slot, 200);
    int good = exploiting.getOrDefault(GOOD, 0);
    int poor = exploiting.getOrDefault(POOR, 0);
    assertThat(good).as("the better variant gets most traffic").isGreaterThan(200 * 80 / 100);
    assertThat(poor).as("the floor keeps the other explored").isGreaterThan(0);

    JsonPath standings = standings(space, slot);
    assertThat(standings.getString("note")).contains("not a test");
    assertThat(standings.getDouble("explorationShare")).isEqualTo(0.10);
    double goodRate =
        standings.getDouble("contexts[0].variants.find { it.variant == 'good' }.rate");
    double poorRate =
        standings.getDouble("contexts[0].variants.find { it.variant == 'poor' }.rate");
    assertThat(goodRate).isBetween(0.4, 0.6);
    assertThat(poorRate).isLessThan(0.15);
  }

  @Test
  void aDecisionEarnsOneRewardHoweverOftenItIsClicked() {
    String space = Fixtures.newSpace();
    String slot = banditSlot(space);
    JsonPath answer = decide(space, slot);
    String variant = answer.getString("decisions[0].variant.key");
    assertThat(answer.getString("decisions[0].reason"))
        .contains("Thompson sampling (an optimisation, not a test)");
    String decisionId = answer.getString("decisions[0].decisionId");
    String visitor = answer.getString("visitorId");
    for (int i = 0; i < 3; i++) {
      click(space, visitor, decisionId);
    }
    // A click on someone else's decision id earns nothing.
    click(space, decide(space, slot).getString("visitorId"), decisionId);
    Eventually.until(Duration.ofSeconds(10), () -> rewardsOf(space, slot, variant) == 1);
    JsonPath standings = standings(space, slot);
    assertThat(
            standings.getLong(
                "contexts[0].variants.find { it.variant == '" + variant + "' }.rewards"))
        .isEqualTo(1);
  }

  @Test
  void standingsOfAnUnknownSlotAre404() {
    String space = Fixtures.newSpace();
    as(EDITOR)
        .get(Api.slots(space) + "/nope/bandit")
        .then()
        .statusCode(StatusCode.NOT_FOUND)
        .contentType("application/problem+json");
  }

  private static String banditSlot(String space) {
    return Bandits.banditSlot(space, GOOD, POOR);
  }

  private static Map<String, Integer> serve(String space, String slot, int visitors) {
    Map<String, Integer> picks = new HashMap<>();
    for (int i = 0; i < visitors; i++) {
      JsonPath answer = decide(space, slot);
      String variant = answer.getString("decisions[0].variant.key");
      picks.merge(variant, 1, Integer::sum);
      boolean clicks = GOOD.equals(variant) ? i % 2 == 0 : i % 20 == 0;
      if (clicks) {
        click(space, answer.getString("visitorId"), answer.getString("decisions[0].decisionId"));
      }
    }
    return picks;
  }

  private static JsonPath decide(String space, String slot) {
    return given()
        .contentType(ContentType.JSON)
        .body(map("space", space, "channel", "web", "slots", List.of(slot)))
        .post("/api/v1/decisions")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  private static void click(String space, String visitor, String decisionId) {
    given()
        .contentType(ContentType.JSON)
        .body(
            map(
                "space",
                space,
                "visitorId",
                visitor,
                "events",
                List.of(map("type", "click", "decisionId", decisionId))))
        .post("/api/v1/events")
        .then()
        .statusCode(StatusCode.ACCEPTED);
  }

  private static JsonPath standings(String space, String slot) {
    return Bandits.standings(space, slot);
  }

  private static long trialsOf(String space, String slot, String variant) {
    Long n =
        standings(space, slot)
            .getLong("contexts[0].variants.find { it.variant == '" + variant + "' }.trials");
    return n == null ? 0 : n;
  }

  private static long rewardsOf(String space, String slot, String variant) {
    return Bandits.rewardsOf(space, slot, variant);
  }
}
