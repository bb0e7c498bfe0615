package dev.bespoke.server.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountSecurityTest {

  private static final String ACCOUNT = "/api/v1/admin/account";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void noCredentialsIsA401ProblemWithABasicChallenge() {
    given()
        .when()
        .get(ACCOUNT)
        .then()
        .statusCode(StatusCode.UNAUTHORIZED)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Basic"))
        .body("status", equalTo(401))
        .body("title", equalTo("Unauthorized"));
  }

  @Test
  void aWrongPasswordIsA401() {
    given()
        .auth()
        .preemptive()
        .basic("editor", "not-the-password")
        .when()
        .get(ACCOUNT)
        .then()
        .statusCode(StatusCode.UNAUTHORIZED)
        .contentType("application/problem+json")
        .body("detail", not(containsString("Exception")));
  }

  @Test
  void anUnknownUserIsA401() {
    given()
        .auth()
        .preemptive()
        .basic("mallory", "editor")
        .when()
        .get(ACCOUNT)
        .then()
        .statusCode(StatusCode.UNAUTHORIZED);
  }

  @Test
  void rolesIncludeTheLesserOnes() {
    roles("editor").body("roles", contains("editor"));
    roles("publisher").body("roles", contains("editor", "publisher"));
    roles("admin")
        .body("roles", contains("editor", "publisher", "admin"))
        .body("name", equalTo("admin"));
  }

  @Test
  void anUnknownPathIsA404Problem() {
    given()
        .auth()
        .preemptive()
        .basic("editor", "editor")
        .when()
        .get("/api/v1/admin/no-such-thing")
        .then()
        .statusCode(StatusCode.NOT_FOUND)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  private static io.restassured.response.ValidatableResponse roles(String user) {
    return given()
        .auth()
        .preemptive()
        .basic(user, user)
        .when()
        .get(ACCOUNT)
        .then()
        .statusCode(StatusCode.OK);
  }
}
