package dev.bespoke.server.admin.history;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rollback restores the content and status of an earlier version as a new version: history only
 * grows, so a rollback can itself be rolled back.
 */
@QuarkusTest
class RollbackTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void restoresAnEarlierVersionAsANewOne() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSlot(space);
    String url = Api.slots(space) + "/" + key;
    rename(url, key, "Second name", 1);

    rollback(url, 1)
        .statusCode(StatusCode.OK)
        .body("name", equalTo("Slot " + key))
        .body("status", equalTo("draft"))
        .body("version", equalTo(3));
    as(EDITOR)
        .get(url + "/versions")
        .then()
        .body("items.version", contains(3, 2, 1))
        .body("items[1].snapshot.name", equalTo("Second name"))
        .body("items[0].actor", equalTo(PUBLISHER))
        .body("total", equalTo(3));
  }

  @Test
  void restoresThePublishedStatusOfAPublishedVersion() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String key = Fixtures.newVariant(space, slot);
    String url = Api.variants(space, slot) + "/" + key;
    Fixtures.publish(url);
    as(EDITOR)
        .body(with(Samples.variant(key), "version", 2))
        .put(url)
        .then()
        .body("status", equalTo("draft"));

    rollback(url, 2).body("status", equalTo("published")).body("version", equalTo(4));
  }

  @Test
  void restoresArchivedContent() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSegment(space);
    String url = Api.segments(space) + "/" + key;
    as(PUBLISHER).delete(url).then().statusCode(StatusCode.NO_CONTENT);
    rollback(url, 1).body("status", equalTo("draft")).body("version", equalTo(3));
  }

  @Test
  void anUnknownVersionIs404() {
    String space = Fixtures.newSpace();
    String url = Api.slots(space) + "/" + Fixtures.newSlot(space);
    Problems.problem(
            as(PUBLISHER).body(map("version", 7)).post(url + "/rollback"), StatusCode.NOT_FOUND)
        .body("detail", containsString("@7"));
  }

  @Test
  void restoringASecondPublishedDefaultIsAConflict() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String variants = Api.variants(space, slot);
    String first =
        Fixtures.create(variants, with(Samples.variant(unique("default")), "isDefault", true));
    Fixtures.publish(variants + "/" + first);
    as(PUBLISHER).post(variants + "/" + first + "/unpublish").then().statusCode(StatusCode.OK);
    String second =
        Fixtures.create(variants, with(Samples.variant(unique("default")), "isDefault", true));
    Fixtures.publish(variants + "/" + second);

    Problems.problem(
            as(PUBLISHER).body(map("version", 2)).post(variants + "/" + first + "/rollback"),
            StatusCode.CONFLICT)
        .body("detail", containsString("published default"));
  }

  @Test
  void isAudited() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newPersonaFor(space);
    String url = Api.personas(space) + "/" + key;
    rollback(url, 1).body("version", equalTo(2));
    as(EDITOR)
        .queryParam("entityKey", key)
        .get(Api.audit(space))
        .then()
        .body("items[0].action", equalTo("rollback"))
        .body("items[0].actor", equalTo(PUBLISHER))
        .body("items[0].fromVersion", equalTo(1))
        .body("items[0].toVersion", equalTo(2))
        .body("items[0].detail", equalTo("restored version 1"));
  }

  private static void rename(String url, String key, String name, long version) {
    as(EDITOR)
        .body(with(with(Samples.slot(key), "name", name), "version", version))
        .put(url)
        .then()
        .statusCode(StatusCode.OK);
  }

  private static ValidatableResponse rollback(String url, long version) {
    return as(PUBLISHER)
        .body(map("version", version))
        .post(url + "/rollback")
        .then()
        .statusCode(StatusCode.OK);
  }
}
