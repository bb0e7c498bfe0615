package dev.bespoke.server.admin.space;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpaceAdminTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void createAppliesTheContractDefaults() {
    String key = unique("space");
    as(ADMIN)
        .body(Samples.space(key))
        .post(Api.SPACES)
        .then()
        .statusCode(StatusCode.CREATED)
        .header("Location", endsWith(Api.space(key)))
        .body("timeZone", equalTo("Europe/Amsterdam"))
        .body("consentRequired", equalTo(false))
        .body("deliveryKeyRequired", equalTo(false))
        .body("status", equalTo("active"))
        .body("version", equalTo(1));
  }

  @Test
  void editorsCanReadSpaces() {
    String key = Fixtures.newSpace();
    as(EDITOR).get(Api.space(key)).then().statusCode(StatusCode.OK).body("key", equalTo(key));
    as(EDITOR)
        .queryParam("size", 100)
        .get(Api.SPACES)
        .then()
        .statusCode(StatusCode.OK)
        .body("items.key", hasItem("default"));
  }

  @Test
  void updateChangesSettings() {
    String key = Fixtures.newSpace();
    as(ADMIN)
        .body(
            with(
                with(
                    with(Samples.space(key), "timeZone", "Europe/Brussels"),
                    "consentRequired",
                    true),
                "version",
                1))
        .put(Api.space(key))
        .then()
        .statusCode(StatusCode.OK)
        .body("timeZone", equalTo("Europe/Brussels"))
        .body("consentRequired", equalTo(true))
        .body("version", equalTo(2));
  }

  @Test
  void aDuplicateKeyIsAConflict() {
    String key = Fixtures.newSpace();
    Problems.problem(as(ADMIN).body(Samples.space(key)).post(Api.SPACES), StatusCode.CONFLICT)
        .body("detail", containsString("already exists"));
  }

  @Test
  void anArchivedSpaceIsReadableButFrozen() {
    String key = Fixtures.newSpace();
    String slot = Fixtures.newSlot(key);
    as(ADMIN).delete(Api.space(key)).then().statusCode(StatusCode.NO_CONTENT);
    as(EDITOR).get(Api.space(key)).then().body("status", equalTo("archived"));
    as(EDITOR).get(Api.slots(key) + "/" + slot).then().statusCode(StatusCode.OK);
    Problems.problem(
            as(EDITOR).body(Samples.slot(unique("slot"))).post(Api.slots(key)), StatusCode.CONFLICT)
        .body("detail", containsString("archived"));
  }
}
