package dev.bespoke.server.cms;

import static dev.bespoke.server.cms.CmsWebhooks.CONTENTFUL_SECRET;
import static dev.bespoke.server.cms.CmsWebhooks.bytes;
import static dev.bespoke.server.cms.CmsWebhooks.configure;
import static dev.bespoke.server.cms.CmsWebhooks.contentful;
import static dev.bespoke.server.cms.CmsWebhooks.payload;
import static dev.bespoke.server.cms.CmsWebhooks.raw;
import static dev.bespoke.server.cms.CmsWebhooks.variants;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bespoke.server.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contentful webhooks with Contentful's real payloads: publish, unpublish and delete (old and new
 * tombstones), request verification, idempotency and malformed bodies.
 */
@QuarkusTest
class ContentfulWebhookTest {

  private static final String PUBLISH = "ContentManagement.Entry.publish";
  private static final String UNPUBLISH = "ContentManagement.Entry.unpublish";
  private static final String DELETE = "ContentManagement.Entry.delete";
  private static final String HOMEPAGE = "contentful/entry-publish.homepage.marcoglauser.json";
  private static final String HOMEPAGE_ID = "5bfZXM2wx8fCAb60IuLDdH";

  private String space;
  private String slot;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @BeforeEach
  void connectAContentfulSpace() {
    String[] created = CmsWebhooks.spaceWithSlot();
    space = created[0];
    slot = created[1];
    configure(space, "published");
  }

  private void configure(String space, String publishAs) {
    CmsWebhooks.configure(
        space,
        "contentful",
        Map.of(
            "secret",
            CONTENTFUL_SECRET,
            "publishAs",
            publishAs,
            "mapping",
            Map.of(
                "slotByType",
                Map.of("homePage", slot, "page", slot),
                "rename",
                Map.of("description", "body"))));
  }

  @Test
  void publishCreatesThePublishedVariantThenANewerRevisionUpdatesIt() {
    contentful(space, PUBLISH, CmsWebhooks.resourceBytes(HOMEPAGE))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1))
        .body("results[0].entryId", equalTo(HOMEPAGE_ID))
        .body("results[0].status", equalTo("published"));
    List<Map<String, Object>> list = variants(space, slot);
    assertThat(list).hasSize(1);
    Map<String, Object> variant = list.get(0);
    assertThat(variant.get("status")).isEqualTo("published");
    assertThat(variant.get("name")).isEqualTo("Adventure Trips");
    assertThat(variant.get("key").toString()).startsWith("cf-5bfzxm2wx8fcab60iulddh");
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) variant.get("fields");
    assertThat(fields).containsKeys("title", "body", "featuredImage", "reviews", "page");

    ObjectNode next = payload(HOMEPAGE);
    ((ObjectNode) next.get("sys")).put("revision", 9);
    ((ObjectNode) next.at("/fields/title")).put("en-US", "Adventure Trips 2027");
    contentful(space, PUBLISH, bytes(next)).then().statusCode(200).body("applied", equalTo(1));
    assertThat(variants(space, slot))
        .singleElement()
        .extracting(v -> v.get("name"))
        .isEqualTo("Adventure Trips 2027");

    as(EDITOR)
        .get(Api.audit(space) + "?actor=cms:contentful&size=100")
        .then()
        .statusCode(200)
        .body("items.actor", hasItem("cms:contentful"))
        .body("items.action", hasItem("publish"));
  }

  @Test
  void aSpaceThatReviewsCmsContentGetsItInReview() {
    String[] other = CmsWebhooks.spaceWithSlot();
    slot = other[1];
    configure(other[0], "in_review");
    contentful(other[0], PUBLISH, CmsWebhooks.resourceBytes(HOMEPAGE))
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo("in_review"));
    assertThat(variants(other[0], slot))
        .singleElement()
        .extracting(v -> v.get("status"))
        .isEqualTo("in_review");
  }

  @Test
  void unpublishWithTheNewTombstoneRetiresTheVariantAndDeleteWithTheOldOneArchivesIt() {
    contentful(space, PUBLISH, CmsWebhooks.resourceBytes(HOMEPAGE)).then().statusCode(200);

    // The 2017 tombstone (with content type), addressed to the entry published above.
    ObjectNode unpublish =
        tombstone("contentful/entry-unpublish-or-delete.deletedentry.contentful-php-issue101.json");
    contentful(space, UNPUBLISH, bytes(unpublish))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1))
        .body("results[0].action", equalTo("unpublish"));
    assertThat(variants(space, slot))
        .singleElement()
        .extracting(v -> v.get("status"))
        .isEqualTo("draft");

    // The older shape: no content type.
    ObjectNode delete =
        tombstone("contentful/entry-delete.deletedentry-no-contenttype.wcc-contentful.json");
    contentful(space, DELETE, bytes(delete)).then().statusCode(200).body("applied", equalTo(1));
    assertThat(variants(space, slot))
        .singleElement()
        .extracting(v -> v.get("status"))
        .isEqualTo("archived");

    // A late replay of the publish cannot bring it back.
    contentful(space, PUBLISH, CmsWebhooks.resourceBytes(HOMEPAGE))
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(1));
    assertThat(variants(space, slot))
        .singleElement()
        .extracting(v -> v.get("status"))
        .isEqualTo("archived");
  }

  private static ObjectNode tombstone(String resource) {
    ObjectNode body = payload(resource);
    ((ObjectNode) body.get("sys")).put("id", HOMEPAGE_ID).put("revision", 8);
    return body;
  }

  @Test
  void aReplayAndAnOlderRevisionChangeNothing() {
    byte[] rev8 = CmsWebhooks.resourceBytes(HOMEPAGE);
    ObjectNode rev9 = payload(HOMEPAGE);
    ((ObjectNode) rev9.get("sys")).put("revision", 9);
    ((ObjectNode) rev9.at("/fields/title")).put("en-US", "Revision nine");
    contentful(space, PUBLISH, bytes(rev9)).then().statusCode(200).body("applied", equalTo(1));
    long version = ((Number) variants(space, slot).get(0).get("version")).longValue();

    contentful(space, PUBLISH, bytes(rev9))
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(1))
        .body("results[0].detail", containsString("replay"));
    contentful(space, PUBLISH, rev8)
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(1))
        .body("results[0].detail", containsString("older"));

    Map<String, Object> after = variants(space, slot).get(0);
    assertThat(after.get("name")).isEqualTo("Revision nine");
    assertThat(((Number) after.get("version")).longValue()).isEqualTo(version);
  }

  @Test
  void localisedFieldsBecomeOneVariantPerLocale() {
    ObjectNode body = payload("contentful/entry-publish.cma-docs-example.json");
    ((ObjectNode) body.at("/fields/title")).put("nl-NL", "Hallo, wereld!");
    ((ObjectNode) body.at("/sys/contentType/sys")).put("id", "page");
    contentful(space, PUBLISH, bytes(body)).then().statusCode(200).body("applied", equalTo(1));

    List<Map<String, Object>> list = variants(space, slot);
    assertThat(list).hasSize(2);
    Map<String, Object> dutch =
        list.stream()
            .filter(v -> v.get("locales").equals(List.of("nl-NL")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> english =
        list.stream()
            .filter(v -> v.get("locales").equals(List.of("en-US")))
            .findFirst()
            .orElseThrow();
    assertThat(dutch.get("name")).isEqualTo("Hallo, wereld!");
    // body is not localised: the Dutch variant falls back to the default locale's value.
    assertThat(dutch.get("fields"))
        .isEqualTo(Map.of("title", "Hallo, wereld!", "body", "Bacon is healthy!"));
    assertThat(english.get("name")).isEqualTo("Hello, World!");
  }

  @Test
  void aWrongSecretIsRefusedAndChangesNothing() {
    byte[] body = CmsWebhooks.resourceBytes(HOMEPAGE);
    problem(contentful(space, PUBLISH, body, "not-the-secret-0123456789", now(), body), 401)
        .body("detail", containsString("signature does not match"));
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void aStaleTimestampIsRefusedAndChangesNothing() {
    byte[] body = CmsWebhooks.resourceBytes(HOMEPAGE);
    problem(contentful(space, PUBLISH, body, CONTENTFUL_SECRET, now() - 31_000, body), 401)
        .body("detail", containsString("time to live"));
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void aBodyChangedByOneByteAfterSigningIsRefused() {
    byte[] signed = CmsWebhooks.resourceBytes(HOMEPAGE);
    byte[] sent = Arrays.copyOf(signed, signed.length);
    int at = new String(sent, java.nio.charset.StandardCharsets.UTF_8).indexOf("Adventure");
    sent[at] = 'a';
    problem(contentful(space, PUBLISH, sent, CONTENTFUL_SECRET, now(), signed), 401);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void anUnsignedRequestIsRefused() {
    problem(
            raw(CmsWebhooks.CONTENTFUL_TYPE)
                .header("X-Contentful-Topic", PUBLISH)
                .body(CmsWebhooks.resourceBytes(HOMEPAGE))
                .post("/cms/contentful/" + space + "/webhook"),
            401)
        .body("detail", containsString("x-contentful-signature"));
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void bodiesWithMissingPartsAreA400NamingThem() {
    ObjectNode noId = payload(HOMEPAGE);
    ((ObjectNode) noId.get("sys")).remove("id");
    problem(contentful(space, PUBLISH, bytes(noId)), 400, "/sys/id");

    ObjectNode noFields = payload(HOMEPAGE);
    noFields.remove("fields");
    problem(contentful(space, PUBLISH, bytes(noFields)), 400, "/fields");

    ObjectNode unmapped = payload("contentful/entry-publish.cma-docs-example.json");
    problem(contentful(space, PUBLISH, bytes(unmapped)), 400, "/fields/slot/en-US")
        .body("detail", containsString("hfM9RCJIk0wIm06WkEOQY"));

    problem(contentful(space, PUBLISH, "{\"sys\":".getBytes()), 400, "body");
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void savesAndOtherEntityTypesAreAcknowledgedAndIgnored() {
    contentful(space, "ContentManagement.Entry.auto_save", CmsWebhooks.resourceBytes(HOMEPAGE))
        .then()
        .statusCode(200)
        .body("ignored", equalTo(1));
    contentful(space, "ContentManagement.Asset.publish", CmsWebhooks.resourceBytes(HOMEPAGE))
        .then()
        .statusCode(200)
        .body("ignored", equalTo(1));
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedBeforeParsing() {
    byte[] huge = new byte[1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    problem(contentful(space, PUBLISH, huge), 413);
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
