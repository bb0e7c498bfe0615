package dev.bespoke.server.experiment;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.Test;

/**
 * Promoting an A/B winner stops the experiment and unpublishes the losers through the workflow;
 * weak evidence is refused unless accepted in so many words.
 */
@QuarkusTest
class PromotionTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String LOSER = "c";

  @Test
  void aSignificantWinnerIsPromotedAndTheLoserUnpublished() {
    String space = Fixtures.newSpace();
    String slot = slotWithThirdVariant(space);
    String key = Lab.createAndStart(space, threeArms(slot));

    // b converts 80% of the time, the control 5%, c never: b wins by a wide margin.
    for (int i = 0; i < 360; i++) {
      JsonPath answer = Lab.decide(space, null, List.of(slot), Map.of());
      String visitor = answer.getString("visitorId");
      String arm = answer.getString("decisions[0].experiment.arm");
      boolean converts =
          switch (arm) {
            case "b" -> i % 5 != 0;
            case "control" -> i % 20 == 0;
            default -> false;
          };
      if (converts) {
        Lab.events(space, visitor, Lab.list(Lab.conversion("purchase")), Map.of());
      }
    }
    assertThat(
            Lab.results(space, key).getBoolean("arms.find { it.key == 'b' }.vsControl.significant"))
        .isTrue();

    as(EDITOR)
        .post(Lab.url(space, key) + "/promote")
        .then()
        .statusCode(StatusCode.FORBIDDEN)
        .contentType(PROBLEM);
    as(PUBLISHER)
        .post(Lab.url(space, key) + "/promote")
        .then()
        .statusCode(StatusCode.OK)
        .body("arm", equalTo("b"))
        .body("variant", equalTo(Lab.VARIANT_B))
        .body("evidence", equalTo("significant"))
        .body("unpublished", equalTo(List.of(LOSER)))
        .body("keptAsDefault", equalTo(List.of(Lab.DEFAULT_VARIANT)));

    as(EDITOR).get(Lab.url(space, key)).then().body("status", equalTo("stopped"));
    as(EDITOR).get(Api.variants(space, slot) + "/" + LOSER).then().body("status", equalTo("draft"));
    // The slot's own rules now serve the winner to a newcomer, outside any experiment.
    JsonPath after = Lab.decide(space, null, List.of(slot), Map.of());
    assertThat(after.getString("decisions[0].variant.key")).isEqualTo(Lab.VARIANT_B);
    assertThat(after.getString("decisions[0].experiment")).isNull();
    as(EDITOR)
        .get(Api.audit(space))
        .then()
        .statusCode(StatusCode.OK)
        .body("items.findAll { it.entityKey == '" + key + "' }.action", hasItem("promote"))
        .body(
            "items.findAll { it.entityKey == '" + slot + "/" + LOSER + "' }.action",
            hasItem("unpublish"));
  }

  @Test
  void withoutEvidenceAPromotionIsRefusedUnlessAccepted() {
    String space = Fixtures.newSpace();
    String slot = slotWithThirdVariant(space);
    String key = Lab.createAndStart(space, threeArms(slot));
    String url = Lab.url(space, key) + "/promote";

    as(PUBLISHER)
        .post(url)
        .then()
        .statusCode(StatusCode.CONFLICT)
        .contentType(PROBLEM)
        .body("detail", containsString("no significant winner"));
    as(PUBLISHER)
        .contentType(ContentType.JSON)
        .body(map("arm", "b"))
        .post(url)
        .then()
        .statusCode(StatusCode.CONFLICT)
        .body("detail", containsString("acceptInconclusive"));
    as(PUBLISHER)
        .contentType(ContentType.JSON)
        .body(map("arm", "nope", "acceptInconclusive", true))
        .post(url)
        .then()
        .statusCode(StatusCode.BAD_REQUEST)
        .contentType(PROBLEM)
        .body("detail", containsString("no arm nope"));
    // Nothing was changed by the refusals.
    as(EDITOR).get(Lab.url(space, key)).then().body("status", equalTo("running"));
    as(EDITOR)
        .get(Api.variants(space, slot) + "/" + LOSER)
        .then()
        .body("status", equalTo("published"));

    as(PUBLISHER)
        .contentType(ContentType.JSON)
        .body(map("arm", "b", "acceptInconclusive", true))
        .post(url)
        .then()
        .statusCode(StatusCode.OK)
        .body("evidence", startsWith("inconclusive"))
        .body("summary", containsString("inconclusive"));
  }

  @Test
  void aHoldoutHasNothingToPromote() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key =
        Lab.createAndStart(
            space,
            map(
                "key",
                Lab.newExperimentKey(),
                "slot",
                slot,
                "type",
                "holdout",
                "goal",
                "purchase"));
    as(PUBLISHER)
        .post(Lab.url(space, key) + "/promote")
        .then()
        .statusCode(StatusCode.CONFLICT)
        .contentType(PROBLEM)
        .body("detail", containsString("holdout"));
  }

  private static String slotWithThirdVariant(String space) {
    String slot = Lab.publishedSlot(space);
    String variants = Api.variants(space, slot);
    Fixtures.create(variants, Samples.variant(LOSER));
    Fixtures.publish(variants + "/" + LOSER);
    return slot;
  }

  private static Map<String, Object> threeArms(String slot) {
    return map(
        "key",
        Lab.newExperimentKey(),
        "slot",
        slot,
        "type",
        "ab",
        "goal",
        "purchase",
        "arms",
        List.of(
            map("key", "control", "variant", Lab.DEFAULT_VARIANT, "weight", 1),
            map("key", "b", "variant", Lab.VARIANT_B, "weight", 1),
            map("key", LOSER, "variant", LOSER, "weight", 1)));
  }
}
