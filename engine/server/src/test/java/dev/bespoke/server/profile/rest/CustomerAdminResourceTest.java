package dev.bespoke.server.profile.rest;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerAdminResourceTest {

  static final String NDJSON = "application/x-ndjson";

  /** NDJSON bodies are sent as the text they are; REST Assured does not know the type. */
  private static final RestAssuredConfig NDJSON_AS_TEXT =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig().encodeContentTypeAs(NDJSON, ContentType.TEXT));

  String space;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @BeforeEach
  void newSpace() {
    space = Fixtures.newSpace();
  }

  String customers() {
    return Api.space(space) + "/customers";
  }

  RequestSpecification importAs(String user, String body) {
    return given()
        .config(NDJSON_AS_TEXT)
        .auth()
        .preemptive()
        .basic(user, user)
        .contentType(NDJSON)
        .body(body);
  }

  @Test
  void anAdminReplacesACustomersTraits() {
    String id = UniqueKeys.unique("crm");
    as(ADMIN)
        .body(Map.of("tier", "gold", "points", 1200))
        .put(customers() + "/" + id + "/traits")
        .then()
        .statusCode(StatusCode.OK)
        .body("traits.tier", equalTo("gold"));
    as(ADMIN)
        .body(Map.of("tier", "silver"))
        .put(customers() + "/" + id + "/traits")
        .then()
        .statusCode(StatusCode.OK);

    as(ADMIN)
        .get(customers() + "/" + id)
        .then()
        .statusCode(StatusCode.OK)
        .body("customerId", equalTo(id))
        .body("traits", equalTo(Map.of("tier", "silver")));
  }

  @Test
  void customerDataIsForAdminsOnly() {
    Problems.problem(
        as(EDITOR).body(Map.of("tier", "gold")).put(customers() + "/c1/traits"),
        StatusCode.FORBIDDEN);
    Problems.problem(
        given()
            .contentType("application/json")
            .body(Map.of("tier", "gold"))
            .put(customers() + "/c1/traits"),
        StatusCode.UNAUTHORIZED);
    Problems.problem(importAs(EDITOR, "{}").post(customers() + "/import"), StatusCode.FORBIDDEN);
  }

  @Test
  void badTraitsAreRefusedByName() {
    Problems.problem(
        as(ADMIN)
            .body(Map.of("address", Map.of("city", "Utrecht")))
            .put(customers() + "/c1/traits"),
        StatusCode.BAD_REQUEST,
        "body.address");
  }

  /** Issue 14 item 9: a NUL or half a surrogate pair is no preference; it breaks later readers. */
  @Test
  void controlCharactersAndLoneSurrogatesAreRefusedByName() {
    Problems.problem(
        as(ADMIN).body("{\"tier\":\"gold\\u0000\"}").put(customers() + "/c1/traits"),
        StatusCode.BAD_REQUEST,
        "body.tier");
    Problems.problem(
        as(ADMIN).body("{\"tier\":\"gold\\ud800\"}").put(customers() + "/c1/traits"),
        StatusCode.BAD_REQUEST,
        "body.tier");
    as(ADMIN)
        .body("{\"tier\":\"g\\u00f6ld \\ud83d\\ude00\"}")
        .put(customers() + "/" + UniqueKeys.unique("crm") + "/traits")
        .then()
        .statusCode(StatusCode.OK)
        .body("traits.tier", equalTo("g\u00f6ld \ud83d\ude00"));
  }

  @Test
  void tenThousandCustomersImportInOneRequest() {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 10_000; i++) {
      body.append("{\"customerId\":\"cust-")
          .append(i)
          .append("\",\"traits\":{\"tier\":\"")
          .append(i % 2 == 0 ? "gold" : "silver")
          .append("\",\"orders\":")
          .append(i)
          .append("}}\n");
    }
    importAs(ADMIN, body.toString())
        .post(customers() + "/import")
        .then()
        .statusCode(StatusCode.OK)
        .body("imported", equalTo(10_000))
        .body("skipped", equalTo(0));

    as(ADMIN)
        .get(customers() + "/cust-10000")
        .then()
        .statusCode(StatusCode.OK)
        .body("traits.tier", equalTo("gold"))
        .body("traits.orders", equalTo(10_000));
    as(ADMIN).get(customers() + "/cust-1").then().body("traits.tier", equalTo("silver"));
  }

  @Test
  void aBadLineRefusesTheWholeImportNamingEachBadLine() {
    String body =
        String.join(
            "\n",
            "{\"customerId\":\"good-1\",\"traits\":{\"tier\":\"gold\"}}",
            "",
            "{\"customerId\":\"bad-3\",\"traits\":{\"address\":{\"city\":\"Utrecht\"}}}",
            "not json",
            "{\"traits\":{\"tier\":\"gold\"}}",
            "{\"customerId\":\"x\",\"traits\":{},\"email\":\"jane@example.com\"}");
    Problems.problem(importAs(ADMIN, body).post(customers() + "/import"), StatusCode.BAD_REQUEST)
        .body(
            "errors.field",
            hasItems("lines[3].traits.address", "lines[4]", "lines[5].customerId", "lines[6]"));

    Problems.problem(as(ADMIN).get(customers() + "/good-1"), StatusCode.NOT_FOUND);
  }

  @Test
  void anErasedCustomerIsGoneAndStaysGone() {
    String id = UniqueKeys.unique("crm");
    as(ADMIN)
        .body(Map.of("tier", "gold"))
        .put(customers() + "/" + id + "/traits")
        .then()
        .statusCode(200);

    as(ADMIN).delete(customers() + "/" + id).then().statusCode(StatusCode.NO_CONTENT);

    Problems.problem(as(ADMIN).get(customers() + "/" + id), StatusCode.NOT_FOUND);
    Problems.problem(
        as(ADMIN).body(Map.of("tier", "gold")).put(customers() + "/" + id + "/traits"),
        StatusCode.CONFLICT);
    importAs(ADMIN, "{\"customerId\":\"" + id + "\",\"traits\":{\"tier\":\"gold\"}}")
        .post(customers() + "/import")
        .then()
        .statusCode(StatusCode.OK)
        .body("imported", equalTo(0))
        .body("skipped", equalTo(1));
  }

  @Test
  void anUnknownSpaceIs404() {
    Problems.problem(
        as(ADMIN)
            .body(Map.of("tier", "gold"))
            .put(Api.space("no-such-space") + "/customers/c1/traits"),
        StatusCode.NOT_FOUND);
  }
}
