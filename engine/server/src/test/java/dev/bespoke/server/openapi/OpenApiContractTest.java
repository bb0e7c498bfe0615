package dev.bespoke.server.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The published description is complete enough for a stranger's tooling: openapi-generator-cli
 * (from Maven Central) generates a Java client from the running service's {@code /q/openapi}; a
 * small program written only against that client decides, reports events and reads {@code /me}; its
 * answers are real ones.
 */
@QuarkusTest
class OpenApiContractTest {

  private static final Path WORK = Path.of("target", "openapi-contract");

  @TestHTTPResource("/")
  URL base;

  @Test
  void aClientGeneratedFromTheDescriptionDecidesReportsEventsAndReadsTheVisitorsData()
      throws Exception {
    GeneratedClient.clean(WORK);
    Path spec = WORK.resolve("openapi.json");
    Files.writeString(
        spec, given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    GeneratedClient.generate(spec, WORK.resolve("client"));
    Path stranger = WORK.resolve("StrangerApp.java");
    try (var source = getClass().getResourceAsStream("/openapi-contract/StrangerApp.java")) {
      Files.write(stranger, source.readAllBytes());
    }
    ClassLoader loader =
        GeneratedClient.compile(WORK.resolve("client"), List.of(stranger), WORK.resolve("classes"));

    Map<String, Object> seen = run(loader, base.toString().replaceAll("/$", ""));

    assertThat(seen).doesNotContainKey("error");
    assertThat(seen.get("visitorId")).asString().isNotBlank();
    assertThat(seen.get("slots")).isEqualTo(List.of("home-hero", "promo-bar"));
    assertThat(seen.get("variant")).isEqualTo("facebook-offer");
    assertThat(seen.get("reason")).asString().contains("facebook-ad");
    assertThat(seen.get("segments")).asList().contains("facebook-ad");
    assertThat(seen.get("fallback")).isEqualTo(false);
    assertThat(seen.get("fields")).asString().contains("title");
    assertThat(seen.get("accepted")).isEqualTo(2);
    assertThat(seen.get("meSpace")).isEqualTo("default");
    assertThat(seen.get("meCounters")).asString().contains("shoes");
    assertThat(seen.get("meConsent")).isEqualTo(true);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(ClassLoader loader, String baseUri) throws Exception {
    Class<?> app = loader.loadClass("com.stranger.app.StrangerApp");
    var program = (Function<String, Map<String, Object>>) app.getConstructor().newInstance();
    return program.apply(baseUri);
  }
}
