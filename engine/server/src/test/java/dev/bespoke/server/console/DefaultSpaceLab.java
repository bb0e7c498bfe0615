package dev.bespoke.server.console;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static io.restassured.RestAssured.given;

import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;

/**
 * Experiments in the space the console edits, built over the admin API and driven by real decisions
 * and conversion events.
 */
final class DefaultSpaceLab {

  static final String SPACE = "default";
  static final String DEFAULT_VARIANT = "base";
  static final String WINNER = "b";
  static final String LOSER = "c";

  private DefaultSpaceLab() {}

  /** A published slot with a published default {@code base} and published variants b and c. */
  static String slotWithThreeVariants() {
    String slot = Fixtures.create(Api.slots(SPACE), Samples.slot(UniqueKeys.unique("promo")));
    Fixtures.publish(Api.slots(SPACE) + "/" + slot);
    String variants = Api.variants(SPACE, slot);
    Fixtures.create(variants, with(Samples.variant(DEFAULT_VARIANT), "isDefault", true));
    Fixtures.create(variants, Samples.variant(WINNER));
    Fixtures.create(variants, Samples.variant(LOSER));
    for (String v : List.of(DEFAULT_VARIANT, WINNER, LOSER)) {
      Fixtures.publish(variants + "/" + v);
    }
    return slot;
  }

  /** An A/B experiment of control (the default), b and c, started by a publisher. */
  static String startedAb(String slot) {
    String key =
        Fixtures.create(
            Api.experiments(SPACE),
            map(
                "key",
                UniqueKeys.unique("ab"),
                "slot",
                slot,
                "type",
                "ab",
                "goal",
                "purchase",
                "arms",
                List.of(
                    map("key", "control", "variant", DEFAULT_VARIANT, "weight", 1),
                    map("key", WINNER, "variant", WINNER, "weight", 1),
                    map("key", LOSER, "variant", LOSER, "weight", 1))));
    start(key);
    return key;
  }

  static String startedHoldout(String slot) {
    String key =
        Fixtures.create(
            Api.experiments(SPACE), Samples.experiment(UniqueKeys.unique("holdout"), slot));
    start(key);
    return key;
  }

  /**
   * Enough visitors that b's lead is significant: b converts 80% of the time, the control 5%, c
   * never (the same margins as the admin API's promotion test).
   */
  static void driveToSignificance(String slot, String key) {
    // Publishing and starting reach the decision path through the snapshot: wait for the arms.
    Eventually.until(Duration.ofSeconds(15), () -> arm(decide(slot)) != null);
    for (int i = 0; i < 360; i++) {
      JsonPath answer = decide(slot);
      String arm = arm(answer);
      boolean converts =
          switch (arm == null ? "" : arm) {
            case WINNER -> i % 5 != 0;
            case "control" -> i % 20 == 0;
            default -> false;
          };
      if (converts) {
        convert(answer.getString("visitorId"));
      }
    }
    Eventually.until(Duration.ofSeconds(15), () -> winnerIsSignificant(key));
  }

  static String url(String key) {
    return Api.experiments(SPACE) + "/" + key;
  }

  static String variantStatus(String slot, String variant) {
    return Fixtures.get(Api.variants(SPACE, slot) + "/" + variant).getString("status");
  }

  static String experimentStatus(String key) {
    return Fixtures.get(url(key)).getString("status");
  }

  private static void start(String key) {
    as(PUBLISHER).post(url(key) + "/start").then().statusCode(StatusCode.OK);
  }

  private static boolean winnerIsSignificant(String key) {
    return as(EDITOR)
        .get(url(key) + "/results")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath()
        .getBoolean("arms.find { it.key == 'b' }.vsControl.significant");
  }

  private static String arm(JsonPath answer) {
    return answer.getString("decisions[0].experiment.arm");
  }

  private static JsonPath decide(String slot) {
    return given()
        .contentType(ContentType.JSON)
        .body(map("space", SPACE, "channel", "web", "slots", List.of(slot)))
        .post("/api/v1/decisions")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  private static void convert(String visitor) {
    given()
        .contentType(ContentType.JSON)
        .body(
            map(
                "space",
                SPACE,
                "visitorId",
                visitor,
                "events",
                List.of(Map.of("type", "conversion", "goal", "purchase"))))
        .post("/api/v1/events")
        .then()
        .statusCode(StatusCode.ACCEPTED);
  }
}
