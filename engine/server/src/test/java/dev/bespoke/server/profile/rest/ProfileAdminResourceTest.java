package dev.bespoke.server.profile.rest;

import static dev.bespoke.server.profile.testsupport.DeliveryApi.pageview;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasValue;

import dev.bespoke.server.context.visitor.VisitorIds;
import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileAdminResourceTest {

  @Inject VisitorIds visitorIds;
  @Inject SnapshotRegistry snapshots;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void anAdminLooksUpAndErasesAProfile() {
    String space = DeliveryApi.newSpace(snapshots, false);
    String id = visitorIds.issue();
    DeliveryApi.post(space, id, List.of(pageview("shoes"), pageview("shoes")));
    String profile = Api.space(space) + "/profiles/" + id;

    as(ADMIN)
        .get(profile)
        .then()
        .statusCode(StatusCode.OK)
        .body("visits.count", equalTo(1))
        .body("counters.'pageview.category.shoes'", hasValue(2));
    Problems.problem(as(PUBLISHER).get(profile), StatusCode.FORBIDDEN);

    as(ADMIN).delete(profile).then().statusCode(StatusCode.NO_CONTENT);

    Problems.problem(as(ADMIN).get(profile), StatusCode.NOT_FOUND);
    DeliveryApi.post(space, id, List.of(pageview("shoes")));
    Problems.problem(as(ADMIN).get(profile), StatusCode.NOT_FOUND);
  }

  @Test
  void unknownProfilesAndSpacesAre404() {
    String space = DeliveryApi.newSpace(snapshots, false);
    Problems.problem(
        as(ADMIN).get(Api.space(space) + "/profiles/" + visitorIds.issue()), StatusCode.NOT_FOUND);
    Problems.problem(
        as(ADMIN).get(Api.space("no-such-space") + "/profiles/" + visitorIds.issue()),
        StatusCode.NOT_FOUND);
  }
}
