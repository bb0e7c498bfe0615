package dev.bespoke.server.experiment;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExperimentLifecycleTest {

  private static final String PROBLEM = "application/problem+json";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void aPublisherStartsAndStopsAndEachStepIsAudited() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key =
        Fixtures.create(
            Api.experiments(space), Lab.ab(Lab.newExperimentKey(), slot, "purchase", 1, 1));
    String url = Lab.url(space, key);
    as(EDITOR)
        .get(url)
        .then()
        .body("status", equalTo("draft"))
        .body("exposure", equalTo("decision"))
        .body("hashVersion", equalTo(1))
        .body("startedAt", nullValue());

    as(EDITOR).post(url + "/start").then().statusCode(StatusCode.FORBIDDEN).contentType(PROBLEM);
    as(PUBLISHER)
        .post(url + "/start")
        .then()
        .statusCode(StatusCode.OK)
        .body("status", equalTo("running"))
        .body("startedAt", notNullValue());
    as(PUBLISHER)
        .post(url + "/start")
        .then()
        .statusCode(StatusCode.CONFLICT)
        .contentType(PROBLEM)
        .body("detail", containsString("only a draft can start"));

    as(EDITOR).post(url + "/stop").then().statusCode(StatusCode.FORBIDDEN).contentType(PROBLEM);
    as(PUBLISHER)
        .post(url + "/stop")
        .then()
        .statusCode(StatusCode.OK)
        .body("status", equalTo("stopped"))
        .body("stoppedAt", notNullValue());
    as(PUBLISHER)
        .post(url + "/start")
        .then()
        .statusCode(StatusCode.CONFLICT)
        .contentType(PROBLEM)
        .body("detail", containsString("stopped experiment is final"));
    as(PUBLISHER).post(url + "/stop").then().statusCode(StatusCode.CONFLICT).contentType(PROBLEM);

    as(EDITOR)
        .queryParam("entityKey", key)
        .get(Api.audit(space))
        .then()
        .statusCode(StatusCode.OK)
        .body("items.findAll { it.entityKey == '" + key + "' }.action", hasItem("start"))
        .body("items.findAll { it.entityKey == '" + key + "' }.action", hasItem("stop"));
    Lab.results(space, key);
  }

  @Test
  void aSlotRunsOneExperimentAtATime() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String first =
        Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), slot, "purchase", 1, 1));
    String second =
        Fixtures.create(
            Api.experiments(space), Lab.ab(Lab.newExperimentKey(), slot, "signup", 1, 1));
    as(PUBLISHER)
        .post(Lab.url(space, second) + "/start")
        .then()
        .statusCode(StatusCode.CONFLICT)
        .contentType(PROBLEM)
        .body("detail", containsString("already runs experiment " + first));

    as(PUBLISHER).post(Lab.url(space, first) + "/stop").then().statusCode(StatusCode.OK);
    as(PUBLISHER).post(Lab.url(space, second) + "/start").then().statusCode(StatusCode.OK);
  }

  @Test
  void aRunningExperimentChangesOnlyItsTrafficAndOnlyByAPublisher() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    var body = Lab.ab(Lab.newExperimentKey(), slot, "purchase", 1, 1);
    String key = Lab.createAndStart(space, body);
    String url = Lab.url(space, key);
    long version = Fixtures.version(url);

    as(EDITOR)
        .body(with(with(body, "trafficPercent", 50), "version", version))
        .put(url)
        .then()
        .statusCode(StatusCode.FORBIDDEN);
    as(PUBLISHER)
        .body(with(with(body, "goal", "signup"), "version", version))
        .put(url)
        .then()
        .statusCode(StatusCode.CONFLICT)
        .contentType(PROBLEM)
        .body("detail", containsString("only trafficPercent"));
    as(PUBLISHER)
        .body(with(with(body, "trafficPercent", 50), "version", version))
        .put(url)
        .then()
        .statusCode(StatusCode.OK)
        .body("trafficPercent", equalTo(50))
        .body("status", equalTo("running"));
    as(PUBLISHER).delete(url).then().statusCode(StatusCode.CONFLICT);
  }

  @Test
  void startingNeedsAPublishedSlotAndPublishedArmVariants() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String key =
        Fixtures.create(
            Api.experiments(space),
            Map.of(
                "key",
                Lab.newExperimentKey(),
                "slot",
                slot,
                "type",
                "holdout",
                "goal",
                "purchase"));
    as(PUBLISHER)
        .post(Lab.url(space, key) + "/start")
        .then()
        .statusCode(StatusCode.CONFLICT)
        .body("detail", containsString("not published"));

    String published = Lab.publishedSlot(space);
    String draftVariant = Fixtures.newVariant(space, published);
    var ab =
        with(
            Lab.ab(Lab.newExperimentKey(), published, "purchase", 1, 1),
            "arms",
            List.of(
                Map.of("key", "control", "variant", Lab.DEFAULT_VARIANT),
                Map.of("key", "new", "variant", draftVariant)));
    String abKey = Fixtures.create(Api.experiments(space), ab);
    as(PUBLISHER)
        .post(Lab.url(space, abKey) + "/start")
        .then()
        .statusCode(StatusCode.CONFLICT)
        .body("detail", containsString("variant " + draftVariant + ", which is not published"));
  }

  @Test
  void badExperimentFieldsAreProblemsNamingTheField() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    var body = Lab.ab(Lab.newExperimentKey(), slot, "purchase", 1, 1);
    badField(space, with(body, "exposure", "sometimes"), "exposure");
    badField(
        space,
        with(with(body, "validFrom", "2026-12-01T00:00:00Z"), "validUntil", "2026-11-01T00:00:00Z"),
        "validUntil");
    badField(space, with(body, "hashVersion", 2), "hashVersion");
    badField(space, with(body, "startedAt", "2026-11-01T00:00:00Z"), "startedAt");
    badField(space, with(body, "trafficPercent", 0), "trafficPercent");
    badField(space, with(body, "alpha", 0.0), "alpha");

    as(EDITOR)
        .body(with(body, "exposure", "impression"))
        .post(Api.experiments(space))
        .then()
        .statusCode(StatusCode.CREATED)
        .body("exposure", equalTo("impression"))
        .body("hashVersion", equalTo(1));
  }

  private static void badField(String space, Map<String, Object> body, String field) {
    as(EDITOR)
        .body(body)
        .post(Api.experiments(space))
        .then()
        .statusCode(StatusCode.BAD_REQUEST)
        .contentType(PROBLEM)
        .body("errors.field", hasItem(field));
  }
}
