package dev.bespoke.server.cms;

import static dev.bespoke.server.cms.CmsWebhooks.CONTENTFUL_SECRET;
import static dev.bespoke.server.cms.CmsWebhooks.GENERIC_SECRET;
import static dev.bespoke.server.cms.CmsWebhooks.bytes;
import static dev.bespoke.server.cms.CmsWebhooks.cms;
import static dev.bespoke.server.cms.CmsWebhooks.generic;
import static dev.bespoke.server.cms.CmsWebhooks.variants;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic mapped connector, connector settings through the admin API, and bulk import. */
@QuarkusTest
class GenericWebhookAndSettingsTest {

  private String space;
  private String slot;
  private String segment;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @BeforeEach
  void connectAGenericCms() {
    String[] created = CmsWebhooks.spaceWithSlot();
    space = created[0];
    slot = created[1];
    segment = Fixtures.newSegment(space);
    CmsWebhooks.configure(
        space,
        "generic",
        Map.of(
            "secret",
            GENERIC_SECRET,
            "publishAs",
            "published",
            "mapping",
            Map.of("id", "/data/uid", "revision", "/data/rev", "fields", "/data/content")));
  }

  private Map<String, Object> body(String uid, int rev, String title) {
    return Map.of(
        "event",
        "publish",
        "entry",
        Map.of("slot", slot, "segments", List.of(segment), "priority", 5, "name", title),
        "data",
        Map.of("uid", uid, "rev", rev, "content", Map.of("title", title)));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  void aSignedBodyIsMappedByPointersIntoAVariant() {
    generic(space, GENERIC_SECRET, now(), bytes(body("Page-42", 1, "Hello")))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));
    Map<String, Object> v = variants(space, slot).get(0);
    assertThat(v.get("segments")).isEqualTo(List.of(segment));
    assertThat(v.get("priority")).isEqualTo(5);
    assertThat(v.get("fields")).isEqualTo(Map.of("title", "Hello"));
    assertThat(v.get("status")).isEqualTo("published");
  }

  @Test
  void aBadSignatureOrAnOldTimestampIsRefused() {
    byte[] body = bytes(body("Page-1", 1, "Hello"));
    problem(generic(space, "some-other-secret-0123456789", now(), body), 401);
    problem(generic(space, GENERIC_SECRET, now() - 3600, body), 401);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void aMissingRevisionIsA400() {
    Map<String, Object> noRev =
        Map.of("entry", Map.of("slot", slot), "data", Map.of("uid", "x1", "content", Map.of()));
    problem(generic(space, GENERIC_SECRET, now(), bytes(noRev)), 400, "/data/rev");
  }

  @Test
  void anNdjsonImportAppliesGoodLinesReportsBadOnesAndIsIdempotent() {
    String ndjson =
        new String(bytes(body("a-1", 3, "One")))
            + "\n"
            + new String(bytes(body("a-2", 1, "Two")))
            + "\n\n{\"data\":{\"uid\":\"a-3\"}}\n"
            + "not json\n";
    as(ADMIN)
        .contentType("application/x-ndjson")
        .body(ndjson.getBytes(StandardCharsets.UTF_8))
        .post(cms(space, "generic") + "/import")
        .then()
        .statusCode(200)
        .body("applied", equalTo(2))
        .body("errors.line", equalTo(List.of(4, 5)));
    assertThat(variants(space, slot)).hasSize(2);

    as(ADMIN)
        .contentType("application/x-ndjson")
        .body(ndjson.getBytes(StandardCharsets.UTF_8))
        .post(cms(space, "generic") + "/import")
        .then()
        .statusCode(200)
        .body("applied", equalTo(0))
        .body("unchanged", equalTo(2));
    as(EDITOR)
        .get(Api.audit(space) + "?size=100")
        .then()
        .body("items.actor", hasItem("cms:generic (import by admin)"));
  }

  @Test
  void settingsNeverShowTheSecretAndNeedTheAdminRole() {
    as(ADMIN)
        .get(cms(space, "generic"))
        .then()
        .statusCode(200)
        .body("secretSet", equalTo(true))
        .body("secret", nullValue())
        .body("webhookPath", equalTo("/cms/generic/" + space + "/webhook"))
        .body("version", equalTo(1));
    problem(as(PUBLISHER).get(cms(space, "generic")), 403);
    problem(
        as(ADMIN).body(Map.of("publishAs", "live")).put(cms(space, "contentful")), 400, "secret");
    problem(
        as(ADMIN)
            .body(Map.of("secret", CONTENTFUL_SECRET, "mapping", Map.of("slotFeild", "x")))
            .put(cms(space, "contentful")),
        400,
        "mapping");
    problem(as(ADMIN).body(Map.of("secret", CONTENTFUL_SECRET)).put(cms(space, "wordpress")), 404);
    problem(
        as(ADMIN).body(Map.of("publishAs", "in_review")).put(cms(space, "generic")),
        400,
        "version");
    as(ADMIN)
        .get(Api.audit(space) + "?entityType=cms-connector")
        .then()
        .statusCode(200)
        .body("items.entityKey", hasItem("generic"))
        .body("items.detail", not(hasItem(GENERIC_SECRET)));
  }

  @Test
  void aDisabledConnectorRefusesWebhooks() {
    as(ADMIN).delete(cms(space, "generic")).then().statusCode(200).body("enabled", equalTo(false));
    problem(generic(space, GENERIC_SECRET, now(), bytes(body("p", 1, "x"))), 404);
    assertThat(variants(space, slot)).isEmpty();
  }
}
