package dev.bespoke.server.admin.security;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.anonymous;
import static dev.bespoke.server.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write endpoint of the admin API: no credentials is 401 with a Basic challenge, and a role
 * below the one required is 403. The paths need not exist: authorisation comes first.
 */
@QuarkusTest
class AdminRolesTest {

  private static final String SPACE = Api.space("roles");

  /** A write endpoint and the least role allowed to call it. */
  record Endpoint(String method, String path, String role) {
    @Override
    public String toString() {
      return method + " " + path + " (" + role + ")";
    }
  }

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  static Stream<Endpoint> writeEndpoints() {
    List<Endpoint> all = new ArrayList<>();
    all.add(new Endpoint("POST", Api.SPACES, ADMIN));
    all.add(new Endpoint("PUT", SPACE, ADMIN));
    all.add(new Endpoint("DELETE", SPACE, ADMIN));
    for (String collection :
        List.of(SPACE + "/slots", SPACE + "/slots/s/variants", SPACE + "/segments")) {
      all.add(new Endpoint("POST", collection, EDITOR));
      all.add(new Endpoint("PUT", collection + "/k", EDITOR));
      all.add(new Endpoint("POST", collection + "/k/submit", EDITOR));
      all.add(new Endpoint("DELETE", collection + "/k", PUBLISHER));
      all.add(new Endpoint("POST", collection + "/k/publish", PUBLISHER));
      all.add(new Endpoint("POST", collection + "/k/unpublish", PUBLISHER));
      all.add(new Endpoint("POST", collection + "/k/rollback", PUBLISHER));
    }
    for (String collection : List.of(SPACE + "/experiments", SPACE + "/personas")) {
      all.add(new Endpoint("POST", collection, EDITOR));
      all.add(new Endpoint("PUT", collection + "/k", EDITOR));
      all.add(new Endpoint("DELETE", collection + "/k", PUBLISHER));
      all.add(new Endpoint("POST", collection + "/k/rollback", PUBLISHER));
    }
    return all.stream();
  }

  static Stream<Endpoint> readEndpoints() {
    return Stream.of(
            Api.SPACES,
            SPACE,
            SPACE + "/slots",
            SPACE + "/slots/k",
            SPACE + "/slots/k/versions",
            SPACE + "/slots/s/variants",
            SPACE + "/segments",
            SPACE + "/experiments",
            SPACE + "/personas",
            SPACE + "/audit")
        .map(path -> new Endpoint("GET", path, EDITOR));
  }

  /** Endpoints above editor level, each paired below with every role that is too low. */
  static Stream<Object[]> tooLowRoles() {
    return writeEndpoints()
        .flatMap(
            e ->
                switch (e.role()) {
                  case ADMIN -> Stream.of(new Object[] {e, EDITOR}, new Object[] {e, PUBLISHER});
                  case PUBLISHER -> Stream.<Object[]>of(new Object[] {e, EDITOR});
                  default -> Stream.<Object[]>empty();
                });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"writeEndpoints", "readEndpoints"})
  void withoutCredentialsIs401(Endpoint e) {
    Problems.problem(
            anonymous().body(Map.of("version", 1)).request(e.method(), e.path()),
            StatusCode.UNAUTHORIZED)
        .header("WWW-Authenticate", containsString("Basic"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("tooLowRoles")
  void aLowerRoleIs403(Endpoint e, String user) {
    Problems.problem(
        as(user).body(Map.of("version", 1)).request(e.method(), e.path()), StatusCode.FORBIDDEN);
  }

  @Test
  void aWrongPasswordIs401() {
    Problems.problem(
        RestAssured.given()
            .auth()
            .preemptive()
            .basic(PUBLISHER, "editor")
            .post(SPACE + "/slots/k/publish"),
        StatusCode.UNAUTHORIZED);
  }
}
