package dev.bespoke.server.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test profile allows https://shop.example to call the delivery API from its pages. */
@QuarkusTest
class DeliveryCorsTest {

  @Test
  void aConfiguredOriginGetsAPreflightAnswerForDecisions() {
    given()
        .header("Origin", "https://shop.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .options("/api/v1/decisions")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", "https://shop.example")
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("X-Bespoke-Key"));
  }

  @Test
  void theAnswerItselfNamesTheOriginSoTheBrowserMayReadIt() {
    given()
        .header("Origin", "https://shop.example")
        .contentType(ContentType.JSON)
        .body(Map.of("channel", "web", "slots", List.of("home-hero")))
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://shop.example")
        .header("Vary", containsString("Origin"));
  }

  @Test
  void otherOriginsAndTheAdminApiGetNoCorsHeaders() {
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1/decisions")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", "https://shop.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1/admin/spaces")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", "https://shop.example")
        .auth()
        .preemptive()
        .basic("admin", "admin")
        .get("/api/v1/admin/spaces")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void pathsThatOnlyStartLikeDeliveryPathsAreNotDeliveryPaths() {
    given()
        .header("Origin", "https://shop.example")
        .header("Access-Control-Request-Method", "GET")
        .options("/api/v1/decisionsX")
        .then()
        .header("Access-Control-Allow-Origin", equalTo(null));
  }
}
