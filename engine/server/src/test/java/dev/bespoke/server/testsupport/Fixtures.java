package dev.bespoke.server.testsupport;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;

/** Creates content over the API, asserting each step worked, and returns its key. */
public final class Fixtures {

  private Fixtures() {}

  /** A new space of its own, so the test can change anything in it. */
  public static String newSpace() {
    String key = unique("space");
    as(ADMIN).body(Samples.space(key)).post(Api.SPACES).then().statusCode(StatusCode.CREATED);
    return key;
  }

  public static String newSlot(String space) {
    return create(Api.slots(space), Samples.slot(unique("slot")));
  }

  public static String newSegment(String space) {
    return create(Api.segments(space), Samples.segment(unique("seg")));
  }

  public static String newVariant(String space, String slot) {
    return create(Api.variants(space, slot), Samples.variant(unique("var")));
  }

  public static String newPersonaFor(String space) {
    return create(Api.personas(space), Samples.persona(unique("persona")));
  }

  /** Posts the body as an editor and returns the created key. */
  public static String create(String collection, Map<String, Object> body) {
    return as(EDITOR)
        .body(body)
        .post(collection)
        .then()
        .statusCode(StatusCode.CREATED)
        .extract()
        .path("key");
  }

  public static JsonPath get(String resource) {
    return as(EDITOR).get(resource).then().statusCode(StatusCode.OK).extract().jsonPath();
  }

  public static long version(String resource) {
    return get(resource).getLong("version");
  }

  /** Publishes as a publisher, asserting it worked. */
  public static void publish(String resource) {
    as(PUBLISHER).post(resource + "/publish").then().statusCode(StatusCode.OK);
  }
}
