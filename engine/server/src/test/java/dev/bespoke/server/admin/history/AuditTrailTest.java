package dev.bespoke.server.admin.history;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
class AuditTrailTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void everyChangeIsRecordedWithActorAndVersions() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSlot(space);
    String url = Api.slots(space) + "/" + key;
    as(EDITOR).body(with(Samples.slot(key), "version", 1)).put(url).then().statusCode(200);
    as(EDITOR).post(url + "/submit").then().statusCode(200);
    as(PUBLISHER).post(url + "/publish").then().statusCode(200);
    as(PUBLISHER).delete(url).then().statusCode(204);

    as(EDITOR)
        .queryParam("entityType", "slot")
        .queryParam("entityKey", key)
        .get(Api.audit(space))
        .then()
        .statusCode(StatusCode.OK)
        .body("total", equalTo(5))
        .body("items.action", contains("archive", "publish", "submit", "update", "create"))
        .body("items.actor", contains(PUBLISHER, PUBLISHER, EDITOR, EDITOR, EDITOR))
        .body("items.fromVersion", contains(4, 3, 2, 1, null))
        .body("items.toVersion", contains(5, 4, 3, 2, 1))
        .body("items.space", everyItem(equalTo(space)))
        .body("items.at", everyItem(notNullValue()));
  }

  @Test
  void aVersionSnapshotIsStoredForEveryChange() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSegment(space);
    String url = Api.segments(space) + "/" + key;
    Fixtures.publish(url);
    as(EDITOR)
        .get(url + "/versions")
        .then()
        .body("items.version", contains(2, 1))
        .body("items.snapshot.status", contains("published", "draft"))
        .body("items[1].snapshot.rule.attr", equalTo("geo.country"))
        .body("items.entityType", everyItem(equalTo("segment")));
  }

  @Test
  void variantsAreAuditedAsSlotSlashVariant() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String variant = Fixtures.newVariant(space, slot);
    as(EDITOR)
        .queryParam("entityKey", slot + "/" + variant)
        .get(Api.audit(space))
        .then()
        .body("items", hasSize(1))
        .body("items[0].entityType", equalTo("variant"))
        .body("items[0].fromVersion", nullValue());
  }

  @Test
  void filtersByActorAndPages() {
    String space = Fixtures.newSpace();
    String a = Fixtures.newSlot(space);
    Fixtures.newSlot(space);
    Fixtures.publish(Api.slots(space) + "/" + a);

    as(EDITOR)
        .queryParam("actor", PUBLISHER)
        .get(Api.audit(space))
        .then()
        .body("items", hasSize(1))
        .body("items[0].action", equalTo("publish"));
    as(EDITOR)
        .queryParam("entityType", "slot")
        .queryParam("size", 1)
        .queryParam("page", 1)
        .get(Api.audit(space))
        .then()
        .body("items", hasSize(1))
        .body("total", equalTo(3))
        .body("page", equalTo(1));
  }

  @Test
  void theAuditOfAnUnknownSpaceIs404() {
    Problems.problem(as(EDITOR).get(Api.audit("no-such-space")), StatusCode.NOT_FOUND);
  }
}
