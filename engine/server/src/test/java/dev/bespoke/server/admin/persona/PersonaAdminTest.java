package dev.bespoke.server.admin.persona;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.hamcrest.Matchers.equalTo;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonaAdminTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void createReadUpdateArchive() {
    String space = Fixtures.newSpace();
    String key = unique("persona");
    String url = Api.personas(space) + "/" + key;
    as(EDITOR)
        .body(Samples.persona(key))
        .post(Api.personas(space))
        .then()
        .statusCode(StatusCode.CREATED)
        .body("context", equalTo(map("geo.country", "NL")))
        .body("status", equalTo("active"));
    as(EDITOR)
        .body(with(with(Samples.persona(key), "context", map("visit.count", 3)), "version", 1))
        .put(url)
        .then()
        .statusCode(StatusCode.OK)
        .body("context.'visit.count'", equalTo(3));
    as(PUBLISHER).delete(url).then().statusCode(StatusCode.NO_CONTENT);
    as(EDITOR).get(url).then().body("status", equalTo("archived"));
    Problems.problem(
        as(EDITOR).body(with(Samples.persona(key), "version", 3)).put(url), StatusCode.CONFLICT);
  }
}
