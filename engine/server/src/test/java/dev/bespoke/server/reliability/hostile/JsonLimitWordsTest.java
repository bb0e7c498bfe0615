package dev.bespoke.server.reliability.hostile;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.anonymous;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON beyond the parser's limits is refused in Bespoke's words: the answer names the limit, not
 * the library that enforced it or its configuration methods.
 */
@QuarkusTest
class JsonLimitWordsTest {

  private static final List<String> INTERNALS =
      List.of("Jackson", "jackson", "StreamReadConstraints", "getMax", "`");

  /** Where a JSON body arrives: the admin API, the delivery API and the events API. */
  private static final Map<String, Supplier<RequestSpecification>> ENDPOINTS =
      Map.of(
          Api.slots("default"),
          () -> as(EDITOR),
          "/api/v1/decisions",
          () -> anonymous(),
          "/api/v1/events",
          () -> anonymous());

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void aFieldNameOf60000CharactersIsTooLong() {
    String body = "{\"" + "n".repeat(60_000) + "\": 1}";
    for (var endpoint : ENDPOINTS.entrySet()) {
      String detail = refused(endpoint.getKey(), endpoint.getValue().get(), body);
      assertThat(detail).as(endpoint.getKey()).contains("field name").contains("too long");
    }
  }

  @Test
  void aDocumentNested2000DeepIsTooDeep() {
    String body = "{\"a\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}";
    for (var endpoint : ENDPOINTS.entrySet()) {
      String detail = refused(endpoint.getKey(), endpoint.getValue().get(), body);
      assertThat(detail).as(endpoint.getKey()).contains("nested too deep");
    }
  }

  private static String refused(String path, RequestSpecification client, String body) {
    Response response = client.contentType(ContentType.JSON).body(body).post(path);
    problem(response, StatusCode.BAD_REQUEST);
    String text = response.asString();
    for (String internal : INTERNALS) {
      assertThat(text).as("%s answer %s", path, text).doesNotContain(internal);
    }
    return response.jsonPath().getString("detail");
  }
}
