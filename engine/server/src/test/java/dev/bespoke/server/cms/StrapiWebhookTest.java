package dev.bespoke.server.cms;

import static dev.bespoke.server.cms.CmsWebhooks.STRAPI_TOKEN;
import static dev.bespoke.server.cms.CmsWebhooks.bytes;
import static dev.bespoke.server.cms.CmsWebhooks.payload;
import static dev.bespoke.server.cms.CmsWebhooks.resourceBytes;
import static dev.bespoke.server.cms.CmsWebhooks.strapi;
import static dev.bespoke.server.cms.CmsWebhooks.variants;
import static dev.bespoke.server.testsupport.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Strapi webhooks with the payloads of Strapi's documentation, plus Strapi 5's documentId. */
@QuarkusTest
class StrapiWebhookTest {

  private String space;
  private String slot;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @BeforeEach
  void connectAStrapiSpace() {
    String[] created = CmsWebhooks.spaceWithSlot();
    space = created[0];
    slot = created[1];
    CmsWebhooks.configure(
        space,
        "strapi",
        Map.of(
            "secret",
            STRAPI_TOKEN,
            "publishAs",
            "published",
            "mapping",
            Map.of(
                "slotByType",
                Map.of("address", slot),
                "nameField",
                "full_name",
                "rename",
                Map.of("city", "title"))));
  }

  private Map<String, Object> only() {
    List<Map<String, Object>> list = variants(space, slot);
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void theDocumentedLifecycleCreatesUpdatesPublishesUnpublishesAndDeletes() {
    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.create.json"))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1))
        .body("results[0].entryId", equalTo("address:1"))
        .body("results[0].status", equalTo("published"));
    assertThat(only().get("name")).isEqualTo("Paris");
    assertThat(only().get("fields"))
        .isEqualTo(
            Map.of(
                "title",
                "Paris",
                "full_name",
                "Paris",
                "geolocation",
                Map.of(),
                "images",
                List.of()));

    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.update.json"))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));
    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.publish.json"))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));
    assertThat(only().get("status")).isEqualTo("published");

    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.unpublish.json"))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));
    assertThat(only().get("status")).isEqualTo("draft");

    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.delete.json"))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));
    assertThat(only().get("status")).isEqualTo("archived");
  }

  @Test
  void anOlderEventArrivingLateAndAReplayChangeNothing() {
    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.publish.json")).then().statusCode(200);
    long version = ((Number) only().get("version")).longValue();

    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.update.json"))
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(1));
    strapi(space, STRAPI_TOKEN, resourceBytes("strapi/entry.publish.json"))
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(1));
    assertThat(((Number) only().get("version")).longValue()).isEqualTo(version);
  }

  @Test
  void aMissingOrWrongTokenIsRefusedAndChangesNothing() {
    problem(strapi(space, null, resourceBytes("strapi/entry.publish.json")), 401)
        .body("detail", containsString("Authorization"));
    problem(
        strapi(
            space, "strapi-webhook-token-0123456788", resourceBytes("strapi/entry.publish.json")),
        401);
    problem(strapi(space, STRAPI_TOKEN + "x", resourceBytes("strapi/entry.publish.json")), 401);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void strapiFiveDraftsWaitForPublishAndDocumentIdIsTheIdentity() {
    ObjectNode draft = payload("strapi/entry.update.json");
    ((ObjectNode) draft.get("entry"))
        .put("documentId", "a1b2c3d4e5f6g7h8i9j0k1l2")
        .putNull("publishedAt");
    strapi(space, STRAPI_TOKEN, bytes(draft)).then().statusCode(200).body("ignored", equalTo(1));
    assertThat(variants(space, slot)).isEmpty();

    ObjectNode publish = payload("strapi/entry.publish.json");
    ((ObjectNode) publish.get("entry")).put("documentId", "a1b2c3d4e5f6g7h8i9j0k1l2").put("id", 7);
    strapi(space, STRAPI_TOKEN, bytes(publish))
        .then()
        .statusCode(200)
        .body("results[0].entryId", equalTo("address:a1b2c3d4e5f6g7h8i9j0k1l2"));
    assertThat(only().get("status")).isEqualTo("published");

    ObjectNode discard = payload("strapi/entry.update.json");
    discard.put("event", "entry.draft-discard");
    ((ObjectNode) discard.get("entry")).put("documentId", "a1b2c3d4e5f6g7h8i9j0k1l2");
    strapi(space, STRAPI_TOKEN, bytes(discard)).then().statusCode(200).body("ignored", equalTo(1));
    assertThat(only().get("status")).isEqualTo("published");
  }

  @Test
  void bodiesWithMissingPartsAreA400NamingThem() {
    ObjectNode noEntry = payload("strapi/entry.publish.json");
    noEntry.remove("entry");
    problem(strapi(space, STRAPI_TOKEN, bytes(noEntry)), 400, "/entry");

    ObjectNode noModel = payload("strapi/entry.publish.json");
    noModel.remove("model");
    problem(strapi(space, STRAPI_TOKEN, bytes(noModel)), 400, "/model");

    ObjectNode noId = payload("strapi/entry.publish.json");
    ((ObjectNode) noId.get("entry")).remove("id");
    problem(strapi(space, STRAPI_TOKEN, bytes(noId)), 400, "/entry/id");
    assertThat(variants(space, slot)).isEmpty();
  }
}
