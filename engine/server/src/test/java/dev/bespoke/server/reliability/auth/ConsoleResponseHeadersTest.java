package dev.bespoke.server.reliability.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The headers that keep the console out of other sites' frames, stop browsers from guessing content
 * types and keep signed-in pages out of every cache (the browser-side proof is in
 * ConsoleContentSecurityPolicyTest).
 */
@QuarkusTest
class ConsoleResponseHeadersTest {

  private static final List<String> SIGNED_IN_PAGES =
      List.of(
          "/console",
          "/console/slots",
          "/console/segments",
          "/console/segments/new",
          "/console/preview",
          "/console/review",
          "/console/experiments",
          "/console/audit");

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  @DisplayName("the sign-in page cannot be framed, is not sniffed and is not stored")
  void signInPage() {
    Response page = ConsoleSession.signIn("editor").request().get("/console/login");
    assertThat(page.statusCode()).isEqualTo(200);
    assertProtected("/console/login", page);
  }

  @Test
  @DisplayName("every signed-in console page cannot be framed, is not sniffed and is not stored")
  void signedInPages() {
    ConsoleSession session = ConsoleSession.signIn("publisher");
    for (String path : SIGNED_IN_PAGES) {
      Response page = session.request().get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.contentType()).as(path).startsWith("text/html");
      assertProtected(path, page);
    }
  }

  @Test
  @DisplayName("the console's refusal pages carry the same headers")
  void refusalPage() {
    Response refused =
        ConsoleSession.signIn("editor")
            .request()
            .formParam("key", "no-token")
            .post("/console/segments");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertProtected("refused POST", refused);
  }

  @Test
  @DisplayName("the console's scripts and styles are not sniffed but may be cached")
  void assets() {
    for (String path : List.of("/console/assets/console.css", "/console/assets/console.js")) {
      Response asset = RestAssured.given().get(path);
      assertThat(asset.statusCode()).as(path).isEqualTo(200);
      assertThat(asset.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(asset.header("Cache-Control")).as(path).doesNotContain("no-store");
    }
  }

  private static void assertProtected(String what, Response page) {
    String policy = page.header("Content-Security-Policy");
    assertThat(policy).as("%s: Content-Security-Policy", what).isNotNull();
    assertThat(directives(policy))
        .as("%s: %s", what, policy)
        .contains(
            "frame-ancestors 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'");
    assertThat(policy).as(what).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(page.header("Cache-Control")).as(what).isEqualTo("no-store");
  }

  private static List<String> directives(String policy) {
    return List.of(policy.split("\\s*;\\s*"));
  }
}
