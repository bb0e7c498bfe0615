package dev.bespoke.server.admin.workflow;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowTest {

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void draftIsSubmittedThenPublishedThenUnpublished() {
    String url = newSlotUrl();
    step(EDITOR, url, "submit").body("status", equalTo("in_review")).body("version", equalTo(2));
    step(PUBLISHER, url, "publish")
        .body("status", equalTo("published"))
        .body("version", equalTo(3));
    step(PUBLISHER, url, "unpublish").body("status", equalTo("draft")).body("version", equalTo(4));
  }

  @Test
  void aPublisherMayPublishADraftDirectly() {
    String url = newSlotUrl();
    step(PUBLISHER, url, "publish").body("status", equalTo("published"));
  }

  @Test
  void invalidTransitionsAreConflicts() {
    String url = newSlotUrl();
    conflict(PUBLISHER, url, "unpublish", "it is draft");
    step(EDITOR, url, "submit");
    conflict(EDITOR, url, "submit", "it is in_review");
    conflict(PUBLISHER, url, "unpublish", "it is in_review");
    step(PUBLISHER, url, "publish");
    conflict(PUBLISHER, url, "publish", "it is published");
    conflict(EDITOR, url, "submit", "it is published");
  }

  @Test
  void archivedContentAcceptsNoWorkflowStepOrEdit() {
    String space = Fixtures.newSpace();
    String key = Fixtures.newSegment(space);
    String url = Api.segments(space) + "/" + key;
    as(PUBLISHER).delete(url).then().statusCode(StatusCode.NO_CONTENT);
    conflict(EDITOR, url, "submit", "it is archived");
    conflict(PUBLISHER, url, "publish", "it is archived");
    conflict(PUBLISHER, url, "unpublish", "it is archived");
    Problems.problem(
            as(EDITOR).body(with(Samples.segment(key), "version", 2)).put(url), StatusCode.CONFLICT)
        .body("detail", containsString("archived"));
  }

  @Test
  void theVariantsOfAnArchivedSlotAreFrozen() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    as(PUBLISHER).delete(Api.slots(space) + "/" + slot).then().statusCode(StatusCode.NO_CONTENT);
    Problems.problem(
            as(EDITOR).body(Samples.variant(unique("var"))).post(Api.variants(space, slot)),
            StatusCode.CONFLICT)
        .body("detail", containsString("archived"));
  }

  @Test
  void editingPublishedContentTakesItBackToDraft() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String key = Fixtures.newVariant(space, slot);
    String url = Api.variants(space, slot) + "/" + key;
    Fixtures.publish(url);
    as(EDITOR)
        .body(with(with(Samples.variant(key), "name", "Edited"), "version", 2))
        .put(url)
        .then()
        .statusCode(StatusCode.OK)
        .body("status", equalTo("draft"))
        .body("name", equalTo("Edited"));
  }

  @Test
  void aSecondPublishedDefaultIsAConflict() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String first = newDefault(space, slot);
    String second = newDefault(space, slot);
    Fixtures.publish(Api.variants(space, slot) + "/" + first);
    Problems.problem(
            as(PUBLISHER).post(Api.variants(space, slot) + "/" + second + "/publish"),
            StatusCode.CONFLICT)
        .body("detail", containsString("already has a published default variant (" + first + ")"));
    as(EDITOR)
        .get(Api.variants(space, slot) + "/" + second)
        .then()
        .body("status", equalTo("draft"));

    step(PUBLISHER, Api.variants(space, slot) + "/" + first, "unpublish");
    step(PUBLISHER, Api.variants(space, slot) + "/" + second, "publish")
        .body("status", equalTo("published"));
  }

  @Test
  void publishingADefaultMakesExactlyOneVersion() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String url = Api.variants(space, slot) + "/" + newDefault(space, slot);
    step(PUBLISHER, url, "publish").body("version", equalTo(2));
    as(EDITOR).get(url + "/versions").then().body("items.version", contains(2, 1));
  }

  @Test
  void workflowStepsNeedNoBodyNorContentType() {
    String url = newSlotUrl();
    RestAssured.given()
        .auth()
        .preemptive()
        .basic(EDITOR, EDITOR)
        .post(url + "/submit")
        .then()
        .statusCode(StatusCode.OK)
        .body("status", equalTo("in_review"));
  }

  @Test
  void defaultsOfDifferentSlotsDoNotClash() {
    String space = Fixtures.newSpace();
    String a = Fixtures.newSlot(space);
    String b = Fixtures.newSlot(space);
    Fixtures.publish(Api.variants(space, a) + "/" + newDefault(space, a));
    Fixtures.publish(Api.variants(space, b) + "/" + newDefault(space, b));
  }

  @Test
  void aSegmentInUseCannotBeArchived() {
    String space = Fixtures.newSpace();
    String segment = Fixtures.newSegment(space);
    String slot = Fixtures.newSlot(space);
    String variant =
        Fixtures.create(
            Api.variants(space, slot),
            with(Samples.variant(unique("var")), "segments", List.of(segment)));
    String parent =
        Fixtures.create(
            Api.segments(space),
            with(Samples.segment(unique("seg")), "rule", map("op", "inSegment", "value", segment)));
    Problems.problem(as(PUBLISHER).delete(Api.segments(space) + "/" + segment), StatusCode.CONFLICT)
        .body("detail", containsString("segment " + parent))
        .body("detail", containsString("variant " + slot + "/" + variant));
  }

  @Test
  void anInSegmentCycleIsRefused() {
    String space = Fixtures.newSpace();
    String a = Fixtures.newSegment(space);
    String b =
        Fixtures.create(
            Api.segments(space),
            with(Samples.segment(unique("seg")), "rule", map("op", "inSegment", "value", a)));
    Problems.problem(
            as(EDITOR)
                .body(
                    with(
                        with(Samples.segment(a), "rule", map("op", "inSegment", "value", b)),
                        "version",
                        1))
                .put(Api.segments(space) + "/" + a),
            StatusCode.BAD_REQUEST,
            "rule.value")
        .body("detail", containsString("cycle"));
  }

  private static String newSlotUrl() {
    String space = Fixtures.newSpace();
    return Api.slots(space) + "/" + Fixtures.newSlot(space);
  }

  private static String newDefault(String space, String slot) {
    return Fixtures.create(
        Api.variants(space, slot), with(Samples.variant(unique("default")), "isDefault", true));
  }

  private static io.restassured.response.ValidatableResponse step(
      String user, String url, String action) {
    return as(user).post(url + "/" + action).then().statusCode(StatusCode.OK);
  }

  private static void conflict(String user, String url, String action, String why) {
    Problems.problem(as(user).post(url + "/" + action), StatusCode.CONFLICT)
        .body("detail", containsString(why));
  }
}
