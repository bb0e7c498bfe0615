package dev.bespoke.server.admin.slot;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlotAdminTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void createAppliesDefaultsAndAnswersWithLocation() {
    String space = Fixtures.newSpace();
    String key = unique("slot");
    as(EDITOR)
        .body(Samples.slot(key))
        .post(Api.slots(space))
        .then()
        .statusCode(StatusCode.CREATED)
        .header("Location", endsWith(Api.slots(space) + "/" + key))
        .body("key", equalTo(key))
        .body("channels", contains("web", "mobile"))
        .body("strategy", equalTo("first-match"))
        .body("cacheable", equalTo(false))
        .body("fieldsSchema", nullValue())
        .body("status", equalTo("draft"))
        .body("version", equalTo(1));
  }

  @Test
  void getReturnsWhatWasStored() {
    String space = Fixtures.newSpace();
    String key = unique("slot");
    var body =
        Samples.with(
            Samples.with(Samples.slot(key), "fieldsSchema", java.util.Map.of("type", "object")),
            "strategy",
            "weighted");
    Fixtures.create(Api.slots(space), body);
    as(EDITOR)
        .get(Api.slots(space) + "/" + key)
        .then()
        .statusCode(StatusCode.OK)
        .body("fieldsSchema.type", equalTo("object"))
        .body("strategy", equalTo("weighted"));
  }

  @Test
  void updateMakesANewVersionAndReturnsToDraft() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSlot(space);
    String url = Api.slots(space) + "/" + key;
    Fixtures.publish(url);
    long version = Fixtures.version(url);
    as(EDITOR)
        .body(Samples.with(Samples.with(Samples.slot(key), "name", "Renamed"), "version", version))
        .put(url)
        .then()
        .statusCode(StatusCode.OK)
        .body("name", equalTo("Renamed"))
        .body("status", equalTo("draft"))
        .body("version", equalTo((int) version + 1));
  }

  @Test
  void listIsPagedInKeyOrder() {
    String space = Fixtures.newSpace();
    for (String k : List.of("c-slot", "a-slot", "b-slot")) {
      Fixtures.create(Api.slots(space), Samples.slot(k));
    }
    as(EDITOR)
        .queryParam("page", 0)
        .queryParam("size", 2)
        .get(Api.slots(space))
        .then()
        .statusCode(StatusCode.OK)
        .body("items.key", contains("a-slot", "b-slot"))
        .body("page", equalTo(0))
        .body("size", equalTo(2))
        .body("total", equalTo(3));
    as(EDITOR)
        .queryParam("page", 1)
        .queryParam("size", 2)
        .get(Api.slots(space))
        .then()
        .body("items.key", contains("c-slot"));
  }

  @Test
  void deleteArchivesAndKeepsTheSlotReadable() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSlot(space);
    String url = Api.slots(space) + "/" + key;
    as(PUBLISHER).delete(url).then().statusCode(StatusCode.NO_CONTENT);
    as(PUBLISHER).delete(url).then().statusCode(StatusCode.NO_CONTENT);
    as(EDITOR).get(url).then().statusCode(StatusCode.OK).body("status", equalTo("archived"));
    as(EDITOR)
        .queryParam("status", "archived")
        .get(Api.slots(space))
        .then()
        .body("items", hasSize(1));
  }
}
