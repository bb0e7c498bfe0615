package dev.bespoke.server.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as one of the demo users, or as nobody. */
public final class Api {

  public static final String EDITOR = "editor";
  public static final String PUBLISHER = "publisher";
  public static final String ADMIN = "admin";

  public static final String SPACES = "/api/v1/admin/spaces";

  private Api() {}

  /** A JSON request as the demo user of that name (their password is their name). */
  public static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
  }

  public static RequestSpecification anonymous() {
    return given().contentType(ContentType.JSON);
  }

  public static String space(String space) {
    return SPACES + "/" + space;
  }

  public static String slots(String space) {
    return space(space) + "/slots";
  }

  public static String variants(String space, String slot) {
    return slots(space) + "/" + slot + "/variants";
  }

  public static String segments(String space) {
    return space(space) + "/segments";
  }

  public static String experiments(String space) {
    return space(space) + "/experiments";
  }

  public static String personas(String space) {
    return space(space) + "/personas";
  }

  public static String audit(String space) {
    return space(space) + "/audit";
  }
}
