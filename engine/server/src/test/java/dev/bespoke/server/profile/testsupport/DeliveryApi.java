package dev.bespoke.server.profile.testsupport;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;

import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;

/** Requests and fixtures for the delivery side: events, {@code /me}, spaces in the snapshot. */
public final class DeliveryApi {

  public static final String EVENTS = "/api/v1/events";
  public static final String ME = "/api/v1/me";

  private DeliveryApi() {}

  /** A public (anonymous) JSON request, as a browser or app sends it. */
  public static RequestSpecification visitor() {
    return given().contentType(ContentType.JSON);
  }

  /**
   * A new space of its own, already in this node's published snapshot (which events and {@code /me}
   * read), so a test never waits on the poll interval by accident.
   */
  public static String newSpace(SnapshotRegistry snapshots, boolean consentRequired) {
    String key = UniqueKeys.unique("space");
    as(ADMIN)
        .body(Samples.with(Samples.space(key), "consentRequired", consentRequired))
        .post(Api.SPACES)
        .then()
        .statusCode(StatusCode.CREATED);
    Eventually.until(Duration.ofSeconds(15), () -> snapshots.get(key).isPresent());
    return key;
  }

  public static Map<String, Object> batch(String space, String visitorId, List<?> events) {
    return visitorId == null
        ? Samples.map("space", space, "events", events)
        : Samples.map("space", space, "visitorId", visitorId, "events", events);
  }

  public static Map<String, Object> pageview(String category) {
    return Samples.map(
        "type",
        "pageview",
        "page",
        Map.of("url", "https://shop.example/" + category),
        "properties",
        Map.of("category", category));
  }

  public static Map<String, Object> conversion(String goal) {
    return Samples.map("type", "conversion", "goal", goal, "value", 49.95);
  }

  /** Posts the events and expects them accepted. */
  public static void post(String space, String visitorId, List<?> events) {
    visitor()
        .body(batch(space, visitorId, events))
        .post(EVENTS)
        .then()
        .statusCode(StatusCode.ACCEPTED);
  }
}
