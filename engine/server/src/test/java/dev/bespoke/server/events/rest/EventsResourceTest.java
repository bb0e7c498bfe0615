package dev.bespoke.server.events.rest;

import static dev.bespoke.server.profile.testsupport.DeliveryApi.EVENTS;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.ME;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.batch;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.conversion;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.pageview;
import static dev.bespoke.server.profile.testsupport.DeliveryApi.visitor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasValue;

import dev.bespoke.server.context.visitor.VisitorIds;
import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventsResourceTest {

  @Inject VisitorIds visitorIds;
  @Inject SnapshotRegistry snapshots;

  String space;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @BeforeEach
  void newSpace() {
    space = DeliveryApi.newSpace(snapshots, false);
  }

  @Test
  void aBatchIsAcceptedWith202AndItsSize() {
    visitor()
        .body(batch(space, visitorIds.issue(), List.of(pageview("shoes"), conversion("signup"))))
        .post(EVENTS)
        .then()
        .statusCode(StatusCode.ACCEPTED)
        .header("Cache-Control", containsString("no-store"))
        .body("accepted", equalTo(2));
  }

  @Test
  void theVeryNextRequestSeesAPageview() {
    String id = visitorIds.issue();
    DeliveryApi.post(space, id, List.of(pageview("Shoes")));

    visitor()
        .queryParam("space", space)
        .queryParam("visitorId", id)
        .get(ME)
        .then()
        .statusCode(StatusCode.OK)
        .body("visitor.counters.'pageview.category.shoes'", hasValue(1))
        .body("visitor.scores.'category.shoes'.value", equalTo(1.0f))
        .body("visitor.visits.count", equalTo(1))
        .body("visitor.visits.pageviewsThisVisit", equalTo(1));
  }

  @Test
  void theCookieIdentifiesABrowser() {
    String id = visitorIds.issue();
    visitor()
        .cookie("bespoke_vid", id)
        .body(batch(space, null, List.of(conversion("purchase"))))
        .post(EVENTS)
        .then()
        .statusCode(StatusCode.ACCEPTED);

    visitor()
        .cookie("bespoke_vid", id)
        .queryParam("space", space)
        .get(ME)
        .then()
        .statusCode(StatusCode.OK)
        .body("visitor.conversions", hasKey("purchase"))
        .body("visitor.counters.'conversion.goal.purchase'", hasValue(1));
  }

  @Test
  void aForgedVisitorIdStoresNothing() {
    String forged = visitorIds.issue().substring(0, 30) + "AAAAAAAAAAAAAAAAAA";
    DeliveryApi.post(space, forged, List.of(pageview("shoes")));
    Problems.problem(
        visitor().queryParam("space", space).queryParam("visitorId", forged).get(ME),
        StatusCode.NOT_FOUND);
  }

  @Test
  void moreThanAHundredEventsAreRefusedNamingEvents() {
    List<Object> events = Collections.nCopies(101, pageview("shoes"));
    Problems.problem(
        visitor().body(batch(space, visitorIds.issue(), events)).post(EVENTS),
        StatusCode.BAD_REQUEST,
        "events");
  }

  @Test
  void badEventsAreNamedByTheirPlaceInTheBatch() {
    List<Object> events =
        List.of(
            pageview("shoes"),
            Map.of("type", "teleport"),
            Map.of("type", "custom"),
            Map.of("type", "conversion"));
    Problems.problem(
            visitor().body(batch(space, visitorIds.issue(), events)).post(EVENTS),
            StatusCode.BAD_REQUEST,
            "events[1].type")
        .body("errors.field", org.hamcrest.Matchers.hasItems("events[2].name", "events[3].goal"));
  }

  @Test
  void unknownFieldsAreIgnoredOnTheDeliveryApi() {
    Map<String, Object> event = Samples.with(pageview("bags"), "sentAt", "2026-11-24T10:00:00Z");
    Map<String, Object> body =
        Samples.with(batch(space, visitorIds.issue(), List.of(event)), "sdkVersion", "1.2.3");
    visitor().body(body).post(EVENTS).then().statusCode(StatusCode.ACCEPTED);
  }

  @Test
  void anUnknownSpaceIs404() {
    Problems.problem(
        visitor()
            .body(batch("no-such-space", visitorIds.issue(), List.of(pageview("x"))))
            .post(EVENTS),
        StatusCode.NOT_FOUND);
  }

  @Test
  void eventsWithoutAVisitorAreAcceptedButNotKept() {
    visitor()
        .body(batch(space, null, List.of(pageview("shoes"))))
        .post(EVENTS)
        .then()
        .statusCode(StatusCode.ACCEPTED)
        .body("accepted", equalTo(1));
  }

  @Test
  void whereConsentIsRequiredNothingIsKeptUntilItIsGiven() {
    String strict = DeliveryApi.newSpace(snapshots, true);
    String id = visitorIds.issue();
    DeliveryApi.post(strict, id, List.of(pageview("shoes")));
    Problems.problem(
        visitor().queryParam("space", strict).queryParam("visitorId", id).get(ME),
        StatusCode.NOT_FOUND);

    visitor()
        .cookie("bespoke_consent", "personalization:1,analytics:1")
        .body(batch(strict, id, List.of(pageview("shoes"))))
        .post(EVENTS)
        .then()
        .statusCode(StatusCode.ACCEPTED);
    visitor()
        .queryParam("space", strict)
        .queryParam("visitorId", id)
        .get(ME)
        .then()
        .statusCode(StatusCode.OK)
        .body("visitor.visits.count", greaterThan(0))
        .body("visitor.counters.'pageview.category.shoes'", hasValue(1));
  }

  @Test
  void aStatedRefusalStoresNothingEvenWhereConsentIsOptional() {
    String id = visitorIds.issue();
    visitor()
        .cookie("bespoke_consent", "personalization:0")
        .body(batch(space, id, List.of(pageview("shoes"))))
        .post(EVENTS)
        .then()
        .statusCode(StatusCode.ACCEPTED);
    Problems.problem(
        visitor().queryParam("space", space).queryParam("visitorId", id).get(ME),
        StatusCode.NOT_FOUND);
  }
}
