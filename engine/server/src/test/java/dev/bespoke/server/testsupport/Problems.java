package dev.bespoke.server.testsupport;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on problem+json answers. */
public final class Problems {

  public static final String PROBLEM_JSON = "application/problem+json";

  private Problems() {}

  /** A problem with this status. */
  public static ValidatableResponse problem(Response response, int status) {
    return response
        .then()
        .statusCode(status)
        .contentType(PROBLEM_JSON)
        .body("status", equalTo(status));
  }

  /** A problem with this status whose {@code errors[]} names the field. */
  public static ValidatableResponse problem(Response response, int status, String field) {
    return problem(response, status).body("errors.field", hasItem(field));
  }
}
