package dev.bespoke.server.reliability.auth;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.bespoke.server.cms.CmsWebhooks;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A1–A4, A7–A11 and A14–A16 over the admin, delivery and webhook APIs (A5, A6, A12 and A13, the
 * console's session, are in ConsoleSessionAuthTest).
 */
@QuarkusTest
class AuthorisationTest {

  private static final String JWT_SECRET = "test-only-session-secret-0123456789abcdef";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @TestFactory
  Stream<DynamicTest> attempts() {
    return Stream.of(
        dynamicTest("A1 every management endpoint without credentials is 401", this::everyEndpoint),
        dynamicTest(
            "A2 an editor cannot publish, roll back, administer spaces or erase",
            () -> {
              String slot = Api.slots("default") + "/home-hero";
              forbidden(as(EDITOR).post(slot + "/publish"));
              forbidden(as(EDITOR).post(slot + "/unpublish"));
              forbidden(as(EDITOR).body(Map.of("version", 1)).post(slot + "/rollback"));
              forbidden(
                  as(EDITOR).body(Samples.space(UniqueKeys.unique("space"))).post(Api.SPACES));
              forbidden(as(EDITOR).delete(Api.space("default") + "/profiles/some-visitor"));
              forbidden(as(EDITOR).get(Api.space("default") + "/profiles/some-visitor"));
            }),
        dynamicTest(
            "A3 a publisher cannot change spaces, customers or profiles (admin only)",
            () -> {
              forbidden(
                  as(PUBLISHER).body(Samples.space(UniqueKeys.unique("space"))).post(Api.SPACES));
              forbidden(
                  as(PUBLISHER)
                      .body(Map.of("tier", "gold"))
                      .put(Api.space("default") + "/customers/c-1/traits"));
              forbidden(as(PUBLISHER).delete(Api.space("default") + "/profiles/some-visitor"));
            }),
        dynamicTest(
            "A4 a variant addressed through another space is not found (IDOR)",
            () -> {
              String a = Fixtures.newSpace();
              String b = Fixtures.newSpace();
              String slot = Fixtures.newSlot(a);
              String variant = Fixtures.newVariant(a, slot);
              String own = Api.variants(a, slot) + "/" + variant;
              long version = Fixtures.version(own);
              String foreign = Api.variants(b, slot) + "/" + variant;
              assertThat(as(EDITOR).get(foreign).statusCode()).isEqualTo(404);
              Map<String, Object> body = Samples.variant(variant);
              body.put("name", "Taken over");
              body.put("version", version);
              assertThat(as(EDITOR).body(body).put(foreign).statusCode()).isEqualTo(404);
              assertThat(as(PUBLISHER).delete(foreign).statusCode()).isEqualTo(404);
              assertThat(Fixtures.get(own).getString("name")).isNotEqualTo("Taken over");
              assertThat(Fixtures.version(own)).isEqualTo(version);
            }),
        dynamicTest(
            "A7 a state change through GET is 405",
            () -> {
              String slot = Api.slots("default") + "/home-hero";
              long version = Fixtures.version(slot);
              for (String action : List.of("/publish", "/unpublish", "/submit", "/rollback")) {
                // no GET route exists for an action: Quarkus REST answers 404 or 405
                assertThat(as(ADMIN).get(slot + action).statusCode()).isIn(404, 405);
              }
              assertThat(Fixtures.version(slot)).isEqualTo(version);
              assertThat(
                      as(ADMIN)
                          .queryParam("slot", "home-hero")
                          .get(Api.space("default") + "/publish")
                          .statusCode())
                  .isIn(404, 405);
            }),
        dynamicTest(
            "A8 method override headers are ignored",
            () -> {
              String space = Fixtures.newSpace();
              String slot = Fixtures.newSlot(space);
              String url = Api.slots(space) + "/" + slot;
              for (String header :
                  List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                Response r = as(EDITOR).header(header, "DELETE").get(url);
                assertThat(r.statusCode()).isEqualTo(200);
                Response post = as(EDITOR).header(header, "DELETE").post(url + "/submit");
                assertThat(post.statusCode()).isLessThan(500);
              }
              Response q = as(EDITOR).queryParam("_method", "DELETE").get(url);
              assertThat(q.statusCode()).isEqualTo(200);
              assertThat(Fixtures.get(url).getString("status")).isNotEqualTo("archived");
            }),
        dynamicTest("A9 path tricks are normalised, then authorised", this::pathTricks),
        dynamicTest(
            "A10 delivery credentials are refused on the admin API",
            () -> {
              String visitor =
                  given()
                      .contentType(ContentType.JSON)
                      .body(map("channel", "web", "slots", List.of("promo-bar")))
                      .post("/api/v1/decisions")
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("visitorId");
              String admin = Api.space("default") + "/profiles/" + visitor;
              assertThat(
                      given().header("X-Bespoke-Key", "pk_live_anything").get(admin).statusCode())
                  .isEqualTo(401);
              assertThat(given().cookie("bespoke_vid", visitor).get(admin).statusCode())
                  .isEqualTo(401);
              assertThat(
                      given()
                          .header("Authorization", "Bearer " + sessionJwt("admin"))
                          .get(Api.SPACES)
                          .statusCode())
                  .isEqualTo(401);
            }),
        dynamicTest(
            "A11 a visitor's token cannot read another visitor's data",
            () -> {
              String other =
                  given()
                      .contentType(ContentType.JSON)
                      .body(
                          map(
                              "channel",
                              "web",
                              "slots",
                              List.of("promo-bar"),
                              "traits",
                              Map.of("preferredCategory", "secret-hobby")))
                      .post("/api/v1/decisions")
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("visitorId");
              given()
                  .contentType(ContentType.JSON)
                  .queryParam("visitorId", other)
                  .body(Map.of("traits", Map.of("preferredCategory", "secret-hobby")))
                  .put("/api/v1/me/preferences");
              String forged =
                  other.substring(0, other.length() - 1) + (other.endsWith("A") ? "B" : "A");
              Response r =
                  given()
                      .header(
                          "Authorization", "Bearer " + sessionJwt("c-" + UniqueKeys.unique("a")))
                      .queryParam("visitorId", forged)
                      .get("/api/v1/me");
              assertThat(r.statusCode()).isIn(200, 404);
              assertThat(r.body().asString()).doesNotContain("secret-hobby");
              Response editor = as(EDITOR).get(Api.space("default") + "/profiles/" + other);
              assertThat(editor.statusCode()).isEqualTo(403);
            }),
        dynamicTest(
            "A14 password guessing is throttled with a growing lock-out",
            () -> {
              String name = UniqueKeys.unique("mallory");
              List<Integer> statuses = new ArrayList<>();
              for (int i = 0; i < 12; i++) {
                Response r = given().auth().preemptive().basic(name, "guess-" + i).get(Api.SPACES);
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) {
                  assertThat(r.contentType()).startsWith("application/problem+json");
                  assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
                }
              }
              assertThat(statuses.subList(0, 5)).containsOnly(401);
              assertThat(statuses).contains(429);
              assertThat(statuses.subList(0, 5)).doesNotContain(200);
            }),
        dynamicTest(
            "A15 the preview cannot load a real visitor's profile",
            () -> {
              Response r =
                  as(EDITOR)
                      .body(
                          "{\"channel\":\"web\",\"slots\":[\"home-hero\"],"
                              + "\"visitorId\":\"someone-real\"}")
                      .post(Api.space("default") + "/simulate");
              assertThat(r.statusCode()).isEqualTo(400);
              JsonPath problem = r.jsonPath();
              assertThat(problem.getString("detail")).contains("visitorId");
            }),
        dynamicTest(
            "A16 a webhook without a signature is 401 whatever internal address it claims to come"
                + " from",
            this::webhookFromAnInternalAddress));
  }

  /**
   * Every connector configured with a secret; unsigned deliveries claiming loopback or private
   * addresses through every forwarding header a proxy might set. No IP is trusted by default.
   */
  private void webhookFromAnInternalAddress() {
    String[] created = CmsWebhooks.spaceWithSlot();
    String space = created[0];
    String slot = created[1];
    Map<String, Object> slotByType =
        Map.of("slotByType", Map.of("homePage", slot, "address", slot));
    CmsWebhooks.configure(
        space,
        "contentful",
        Map.of(
            "secret",
            CmsWebhooks.CONTENTFUL_SECRET,
            "publishAs",
            "published",
            "mapping",
            slotByType));
    CmsWebhooks.configure(
        space,
        "strapi",
        Map.of(
            "secret", CmsWebhooks.STRAPI_TOKEN, "publishAs", "published", "mapping", slotByType));
    CmsWebhooks.configure(
        space,
        "generic",
        Map.of(
            "secret",
            CmsWebhooks.GENERIC_SECRET,
            "publishAs",
            "published",
            "mapping",
            Map.of("id", "/data/uid", "revision", "/data/rev", "slot", "/data/slot")));
    Map<String, byte[]> bodies =
        Map.of(
            "contentful",
            CmsWebhooks.resourceBytes("contentful/entry-publish.homepage.marcoglauser.json"),
            "strapi",
            CmsWebhooks.resourceBytes("strapi/entry.publish.json"),
            "generic",
            ("{\"data\":{\"uid\":\"a16\",\"rev\":1,\"slot\":\"" + slot + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
    List<Map<String, String>> internal =
        List.of(
            Map.of("X-Forwarded-For", "127.0.0.1"),
            Map.of("X-Real-IP", "127.0.0.1"),
            Map.of("X-Forwarded-For", "10.0.0.1"),
            Map.of("X-Real-IP", "10.0.0.1"),
            Map.of("X-Forwarded-For", "10.0.0.1, 127.0.0.1", "X-Real-IP", "10.0.0.1"),
            Map.of("Forwarded", "for=127.0.0.1;proto=https", "X-Forwarded-Host", "localhost"),
            Map.of(
                "X-Forwarded-For",
                "::1",
                "X-Client-IP",
                "127.0.0.1",
                "True-Client-IP",
                "10.0.0.1"));
    int refused = 0;
    for (var body : bodies.entrySet()) {
      String type =
          body.getKey().equals("contentful") ? CmsWebhooks.CONTENTFUL_TYPE : "application/json";
      for (Map<String, String> headers : internal) {
        Response r =
            CmsWebhooks.raw(type)
                .headers(headers)
                .header("X-Contentful-Topic", "ContentManagement.Entry.publish")
                .header("X-Strapi-Event", "entry.publish")
                .body(body.getValue())
                .post("/cms/" + body.getKey() + "/" + space + "/webhook");
        assertThat(r.statusCode()).as("%s from %s", body.getKey(), headers).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        refused++;
      }
    }
    assertThat(refused).isEqualTo(21);
    assertThat(CmsWebhooks.variants(space, slot))
        .as("an unsigned webhook created variants")
        .isEmpty();
  }

  private void everyEndpoint() {
    JsonPath openapi =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> paths = openapi.getMap("paths");
    int checked = 0;
    for (var entry : paths.entrySet()) {
      if (!entry.getKey().startsWith("/api/v1/admin")) {
        continue;
      }
      String url = entry.getKey().replaceAll("\\{space}", "default").replaceAll("\\{[^}]+}", "x-1");
      for (String method : entry.getValue().keySet()) {
        if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
          continue;
        }
        Map<String, Object> content =
            openapi.getMap("paths.'" + entry.getKey() + "'." + method + ".requestBody.content");
        String type =
            content == null || content.isEmpty()
                ? "application/json"
                : content.keySet().iterator().next();
        Response r =
            given()
                .contentType(type)
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .request(method.toUpperCase(), url);
        assertThat(r.statusCode()).as("%s %s", method, url).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
        checked++;
      }
    }
    assertThat(checked).as("admin operations checked").isGreaterThan(30);
  }

  private void pathTricks() {
    List<String> tricks =
        List.of(
            "/api/v1/admin/../admin/spaces",
            "/api/v1/decisions/../admin/spaces",
            "/api/v1/admin/./spaces",
            "/api/v1//admin/spaces",
            "/API/V1/ADMIN/spaces",
            "/api/v1/admin;jsessionid=x/spaces",
            "/api/v1/admin/spaces;x=y",
            "/api/v1/admin%2fspaces",
            "/api/v1/admin%2f..%2fadmin/spaces",
            "/api/v1/%61dmin/spaces",
            "/api/v1/admin./spaces",
            "/api/v1/admin/spaces.",
            "/api/v1/admin/spaces/");
    for (String path : tricks) {
      Response r = given().urlEncodingEnabled(false).get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 401, 404);
      assertThat(r.body().asString()).as(path).doesNotContain("\"items\"");
    }
  }

  private static void forbidden(Response r) {
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  private static String sessionJwt(String subject) {
    try {
      JwtClaims claims = new JwtClaims();
      claims.setSubject(subject);
      claims.setIssuer("https://shop.example");
      claims.setIssuedAtToNow();
      claims.setExpirationTimeMinutesInTheFuture(10);
      claims.setClaim("groups", List.of("admin"));
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
      jws.setKey(new HmacKey(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
