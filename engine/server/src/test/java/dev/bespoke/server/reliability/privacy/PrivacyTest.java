package dev.bespoke.server.reliability.privacy;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bespoke.server.cms.CmsWebhooks;
import dev.bespoke.server.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** P8 (metrics), P11 and P12 over the delivery, webhook and admin APIs of the default profile. */
@QuarkusTest
class PrivacyTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  @DisplayName(
      "P11 personalised JSON and HTML fragments are Cache-Control private: a CDN never serves"
          + " one visitor's variant to another")
  void personalisedAnswersArePrivate() {
    String visitor = decide(null).jsonPath().getString("visitorId");
    Response json = decide(visitor);
    json.then().statusCode(200);
    assertThat(json.header("Cache-Control")).startsWith("private");

    Response fragment =
        given()
            .queryParam("space", "default")
            .queryParam("visitorId", visitor)
            .get("/api/v1/slots/home-hero/fragment");
    fragment.then().statusCode(200);
    assertThat(fragment.contentType()).startsWith("text/html");
    assertThat(fragment.header("Cache-Control")).startsWith("private");
    // A cacheable answer is keyed on the visitor's cookie, never shared.
    if (!fragment.header("Cache-Control").contains("no-store")) {
      assertThat(fragment.header("Vary")).containsIgnoringCase("Cookie");
    }
  }

  @Test
  @DisplayName("P8 metric labels never carry visitor ids, cookie values or client addresses")
  void metricLabelsCarryNoVisitorData() {
    String visitor = decide(null).jsonPath().getString("visitorId");
    for (int i = 0; i < 3; i++) {
      given()
          .contentType(ContentType.JSON)
          .header("X-Forwarded-For", "203.0.113.77")
          .cookie("bespoke_vid", visitor)
          .body(
              Map.of(
                  "space",
                  "default",
                  "visitorId",
                  visitor,
                  "events",
                  List.of(Map.of("type", "pageview", "page", Map.of("url", "https://x/a")))))
          .post("/api/v1/events")
          .then()
          .statusCode(202);
      decide(visitor).then().statusCode(200);
    }
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    String unique = visitor.split("\\.")[1];
    assertThat(metrics).contains("bespoke_").doesNotContain(unique, "203.0.113.77", "bespoke_vid=");
  }

  @Test
  @DisplayName(
      "P12 CMS webhooks: editors' emails and names in Contentful's sys.createdBy/updatedBy and"
          + " Strapi's createdBy/updatedBy are never stored in variants, versions or the audit")
  void cmsEditorsAreNotStored() {
    String[] created = CmsWebhooks.spaceWithSlot();
    String space = created[0];
    String slot = created[1];
    Map<String, Object> mapping = Map.of("slotByType", Map.of("hfM9RCJIk0wIm06WkEOQY", slot));
    CmsWebhooks.configure(
        space,
        "contentful",
        Map.of(
            "secret", CmsWebhooks.CONTENTFUL_SECRET, "publishAs", "published", "mapping", mapping));
    // A careless mapping even names the editor attributes: they are still never read.
    Map<String, Object> strapiMapping =
        Map.of(
            "slotByType",
            Map.of("address", slot),
            "fields",
            List.of("city", "full_name", "createdBy", "updatedBy"));
    CmsWebhooks.configure(
        space,
        "strapi",
        Map.of(
            "secret",
            CmsWebhooks.STRAPI_TOKEN,
            "publishAs",
            "published",
            "mapping",
            strapiMapping));

    // Contentful's documented entry; its user links carry what a careless proxy might add.
    ObjectNode contentful = CmsWebhooks.payload("contentful/entry-publish.cma-docs-example.json");
    ObjectNode createdBy = (ObjectNode) contentful.at("/sys/createdBy/sys");
    createdBy.put("email", "jane.editor@contentful.example");
    createdBy.put("firstName", "Janeeditor");
    ObjectNode updatedBy = (ObjectNode) contentful.at("/sys/updatedBy/sys");
    updatedBy.put("id", "john.reviewer@contentful.example");
    CmsWebhooks.contentful(space, "ContentManagement.Entry.publish", CmsWebhooks.bytes(contentful))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));

    // Strapi's documented publish, with the admin users Strapi populates when asked to.
    ObjectNode strapi = CmsWebhooks.payload("strapi/entry.publish.json");
    ObjectNode entry = (ObjectNode) strapi.get("entry");
    entry.set("createdBy", strapiUser(1, "Janestrapi", "jane.editor@strapi.example"));
    entry.set("updatedBy", strapiUser(2, "Johnstrapi", "john.reviewer@strapi.example"));
    CmsWebhooks.strapi(space, CmsWebhooks.STRAPI_TOKEN, CmsWebhooks.bytes(strapi))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));

    List<Map<String, Object>> variants = CmsWebhooks.variants(space, slot);
    assertThat(variants).hasSize(2);
    StringBuilder stored = new StringBuilder(variants.toString());
    for (Map<String, Object> variant : variants) {
      String url = Api.variants(space, slot) + "/" + variant.get("key");
      stored.append(as(ADMIN).get(url).then().statusCode(200).extract().asString());
      stored.append(as(ADMIN).get(url + "/versions").then().statusCode(200).extract().asString());
    }
    stored.append(
        as(ADMIN).get(Api.audit(space) + "?size=100").then().statusCode(200).extract().asString());
    // The mapped content is there: the scan below looks at real, stored data.
    assertThat(stored).contains("Bacon is healthy!", "Paris");
    assertThat(stored.toString())
        .doesNotContain(
            "@contentful.example", "@strapi.example", "Janeeditor", "Janestrapi", "Johnstrapi")
        .doesNotContainIgnoringCase("email");
  }

  private static ObjectNode strapiUser(int id, String firstname, String email) {
    ObjectNode user = JsonNodeFactory.instance.objectNode();
    user.put("id", id);
    user.put("firstname", firstname);
    user.put("lastname", "Editor");
    user.put("username", (String) null);
    user.put("email", email);
    return user;
  }

  private static Response decide(String visitorId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("space", "default");
    body.put("channel", "web");
    body.put("slots", List.of("home-hero"));
    if (visitorId != null) {
      body.put("visitorId", visitorId);
    }
    return given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", "203.0.113.77")
        .body(body)
        .post("/api/v1/decisions");
  }
}
