package dev.bespoke.server.admin.history;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every update names the version it edited; anything but the stored one is refused. */
@QuarkusTest
class OptimisticLockingTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void theSecondOfTwoEditorsEditingTheSameVersionGets409() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSegment(space);
    String url = Api.segments(space) + "/" + key;
    var mine = with(with(Samples.segment(key), "name", "Mine"), "version", 1);
    var theirs = with(with(Samples.segment(key), "name", "Theirs"), "version", 1);

    as(EDITOR).body(mine).put(url).then().statusCode(StatusCode.OK);
    Problems.problem(as(EDITOR).body(theirs).put(url), StatusCode.CONFLICT, "version")
        .body("detail", containsString("is at version 2, not 1"));
    as(EDITOR).get(url).then().body("name", equalTo("Mine"));
  }

  @Test
  void aFutureVersionIsStaleToo() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newPersonaFor(space);
    Problems.problem(
        as(EDITOR)
            .body(with(Samples.persona(key), "version", 5))
            .put(Api.personas(space) + "/" + key),
        StatusCode.CONFLICT,
        "version");
  }

  @Test
  void spacesAreLockedToo() {
    String space = Fixtures.newSpace();
    var body = with(Samples.space(space), "version", 1);
    as(ADMIN).body(body).put(Api.space(space)).then().statusCode(StatusCode.OK);
    Problems.problem(as(ADMIN).body(body).put(Api.space(space)), StatusCode.CONFLICT, "version");
  }

  @Test
  void aMissingEntityIs404ForEveryOperation() {
    String space = Fixtures.newSpace();
    String missing = Api.slots(space) + "/no-such-slot";
    Problems.problem(
            as(EDITOR).body(with(Samples.slot("no-such-slot"), "version", 1)).put(missing),
            StatusCode.NOT_FOUND)
        .body("detail", containsString("no-such-slot"));
    Problems.problem(as(PUBLISHER).delete(missing), StatusCode.NOT_FOUND);
    Problems.problem(as(EDITOR).post(missing + "/submit"), StatusCode.NOT_FOUND);
    Problems.problem(as(PUBLISHER).post(missing + "/publish"), StatusCode.NOT_FOUND);
    Problems.problem(as(EDITOR).get(missing + "/versions"), StatusCode.NOT_FOUND);
    Problems.problem(
        as(EDITOR).get(Api.variants(space, "no-such-slot") + "/v"), StatusCode.NOT_FOUND);
  }

  @Test
  void anIdenticalSaveStillMakesANewVersion() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSlot(space);
    String url = Api.slots(space) + "/" + key;
    as(EDITOR)
        .body(with(Samples.slot(key), "version", 1))
        .put(url)
        .then()
        .statusCode(StatusCode.OK)
        .body("version", equalTo(2));
  }
}
