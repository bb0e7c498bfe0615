package dev.bespoke.server.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark's baseline endpoint exists only in a build made with {@code
 * -Dbespoke.bench.baseline=true}; the product, as tested here, must not serve it.
 */
@QuarkusTest
class BaselineAbsentTest {

  @Test
  void theBaselineIsNotPartOfTheProduct() {
    given().get("/bench/baseline").then().statusCode(404);
    given().post("/bench/baseline").then().statusCode(404);
  }
}
