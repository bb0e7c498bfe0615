package dev.bespoke.server.admin.simulate;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.reliability.auth.ConsoleSession;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 7: well-formed but odd preview input is a 400 naming the field, never a 500; a
 * persona that could never be previewed is refused when it is saved.
 */
@QuarkusTest
class OddSimulationInputTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  private static String simulate(String space) {
    return Api.space(space) + "/simulate";
  }

  @Test
  void anEmptyOrNullBodyIsAProblemNotAServerError() {
    String space = Fixtures.newSpace();
    Problems.problem(as(EDITOR).post(simulate(space)), StatusCode.BAD_REQUEST);
    Problems.problem(as(EDITOR).body("null").post(simulate(space)), StatusCode.BAD_REQUEST);
  }

  @Test
  void aMissingChannelIsNamed() {
    String space = Fixtures.newSpace();
    Problems.problem(
        as(EDITOR).body(map("slots", List.of("home-hero"))).post(simulate(space)),
        StatusCode.BAD_REQUEST,
        "channel");
  }

  @Test
  void anAttributeThatIsNullOrAnObjectIsNamed() {
    String space = Fixtures.newSpace();
    Map<String, Object> nullValue = new HashMap<>();
    nullValue.put("geo.country", null);
    Problems.problem(
        as(EDITOR).body(map("channel", "web", "attributes", nullValue)).post(simulate(space)),
        StatusCode.BAD_REQUEST,
        "attributes.geo.country");
    Problems.problem(
        as(EDITOR)
            .body(map("channel", "web", "attributes", map("geo.country", map("a", 1))))
            .post(simulate(space)),
        StatusCode.BAD_REQUEST,
        "attributes.geo.country");
  }

  @Test
  void aNullInTheProfileIsNamed() {
    String space = Fixtures.newSpace();
    List<Object> conversions = new ArrayList<>();
    conversions.add(null);
    Problems.problem(
        as(EDITOR)
            .body(map("channel", "web", "profile", map("conversions", conversions)))
            .post(simulate(space)),
        StatusCode.BAD_REQUEST,
        "profile.conversions[0]");
    Map<String, Object> scores = new HashMap<>();
    scores.put("category.shoes", null);
    Problems.problem(
        as(EDITOR)
            .body(map("channel", "web", "profile", map("scores", scores)))
            .post(simulate(space)),
        StatusCode.BAD_REQUEST,
        "profile.scores.category.shoes");
  }

  @Test
  void aWellFormedRequestStillDecides() {
    // The demo space: its slots are published, so the call decides for real.
    String space = "default";
    as(EDITOR)
        .body(
            map(
                "channel",
                "web",
                "slots",
                List.of("home-hero"),
                "attributes",
                map("geo.country", "NL", "visit.count", 2, "customer.loggedIn", true)))
        .post(simulate(space))
        .then()
        .statusCode(StatusCode.OK);
  }

  @Test
  void aPersonaWhoseContextCouldNeverBePreviewedIsRefusedAtSave() {
    String space = Fixtures.newSpace();
    String key = unique("persona");
    Problems.problem(
        as(EDITOR)
            .body(with(Samples.persona(key), "context", map("geo.country", map("a", 1))))
            .post(Api.personas(space)),
        StatusCode.BAD_REQUEST,
        "context.geo.country");
    Map<String, Object> nullValue = new HashMap<>();
    nullValue.put("geo.country", null);
    Problems.problem(
        as(EDITOR).body(with(Samples.persona(key), "context", nullValue)).post(Api.personas(space)),
        StatusCode.BAD_REQUEST,
        "context.geo.country");
    Problems.problem(
        as(EDITOR)
            .body(with(Samples.persona(key), "context", map("tags", List.of("a"))))
            .post(Api.personas(space)),
        StatusCode.BAD_REQUEST,
        "context.tags");
    assertThat(as(EDITOR).get(Api.personas(space) + "/" + key).statusCode())
        .isEqualTo(StatusCode.NOT_FOUND);
  }

  @Test
  void theConsolePreviewNamesAnObjectValueInsteadOfFailing() {
    String answer =
        ConsoleSession.signIn(EDITOR)
            .request()
            .queryParam("context", "{\"geo.country\":{\"a\":1}}")
            .get("/console/preview")
            .then()
            .statusCode(StatusCode.BAD_REQUEST)
            .extract()
            .asString();
    assertThat(answer).contains("context.geo.country").doesNotContain("incident");
  }
}
