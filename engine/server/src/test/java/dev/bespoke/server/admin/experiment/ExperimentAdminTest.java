package dev.bespoke.server.admin.experiment;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExperimentAdminTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void aHoldoutGetsItsTwoArmsAndDefaults() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String key = unique("exp");
    as(EDITOR)
        .body(Samples.experiment(key, slot))
        .post(Api.experiments(space))
        .then()
        .statusCode(StatusCode.CREATED)
        .body("arms.key", contains("control", "personalised"))
        .body("trafficPercent", equalTo(100))
        .body("alpha", equalTo(0.05f))
        .body("status", equalTo("draft"));
  }

  @Test
  void anAbTestNamesVariantsOfItsSlot() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String a = Fixtures.newVariant(space, slot);
    String b = Fixtures.newVariant(space, slot);
    String key = unique("exp");
    var body =
        with(
            with(Samples.experiment(key, slot), "type", "ab"),
            "arms",
            List.of(map("key", "a", "variant", a, "weight", 3), map("key", "b", "variant", b)));
    as(EDITOR)
        .body(body)
        .post(Api.experiments(space))
        .then()
        .statusCode(StatusCode.CREATED)
        .body("arms.variant", contains(a, b))
        .body("arms.weight", contains(3, 1));

    String url = Api.experiments(space) + "/" + key;
    as(EDITOR)
        .body(with(with(body, "trafficPercent", 20), "version", 1))
        .put(url)
        .then()
        .statusCode(StatusCode.OK)
        .body("trafficPercent", equalTo(20));
    as(PUBLISHER).delete(url).then().statusCode(StatusCode.NO_CONTENT);
    as(EDITOR).get(url).then().body("status", equalTo("archived"));
  }

  @Test
  void aHoldoutArmCannotNameAVariant() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    var body =
        with(
            Samples.experiment(unique("exp"), slot),
            "arms",
            List.of(map("key", "control", "variant", "x"), map("key", "personalised")));
    Problems.problem(
        as(EDITOR).body(body).post(Api.experiments(space)),
        StatusCode.BAD_REQUEST,
        "arms[0].variant");
  }

  @Test
  void theStatusIsNotSetByEditing() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String key = unique("exp");
    Fixtures.create(Api.experiments(space), Samples.experiment(key, slot));
    Problems.problem(
        as(EDITOR)
            .body(with(with(Samples.experiment(key, slot), "status", "running"), "version", 1))
            .put(Api.experiments(space) + "/" + key),
        StatusCode.BAD_REQUEST,
        "status");
  }
}
