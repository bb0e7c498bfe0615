package dev.bespoke.server.delivery;

import static dev.bespoke.server.delivery.Visitors.decide;
import static dev.bespoke.server.delivery.Visitors.pageviews;
import static dev.bespoke.server.delivery.Visitors.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A visitor's export names the segments their stored data puts them in, and what each read. */
@QuarkusTest
class MeSegmentsTest {

  @Test
  void theExportNamesTheSegmentsAndTheDataEachUsed() {
    String visitor = decide(request("web", List.of("home-hero"))).jsonPath().getString("visitorId");
    pageviews(visitor, "shoes", 3);

    given()
        .contentType(ContentType.JSON)
        .header("CF-IPCountry", "NL")
        .queryParam("visitorId", visitor)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("segments.key", hasItem("shoe-fan"))
        // the country of a request is not stored, so no stored data makes this visitor Benelux
        .body("segments.key", not(hasItem("benelux")))
        .body(
            "segments.find { it.key == 'shoe-fan' }.uses",
            contains("behavior.pageview.category.shoes"))
        .body("segments.find { it.key == 'shoe-fan' }.rule", containsString("gte 3"));
  }
}
