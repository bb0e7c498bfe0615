package dev.bespoke.server.delivery;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A space with {@code deliveryKeyRequired} answers pages and apps only with an active key. */
@QuarkusTest
class DeliveryKeyTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject SnapshotRegistry snapshots;

  private String space;
  private Map<String, Object> decisions;

  @BeforeEach
  void keyedSpaceWithASlot() {
    space = UniqueKeys.unique("keyed");
    as(ADMIN)
        .body(Samples.with(Samples.space(space), "deliveryKeyRequired", true))
        .post(Api.SPACES)
        .then()
        .statusCode(201);
    String slot = Fixtures.create(Api.slots(space), Samples.slot("banner"));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    String variants = Api.variants(space, slot);
    Fixtures.publish(
        variants
            + "/"
            + Fixtures.create(
                variants, Samples.with(Samples.variant("banner-default"), "isDefault", true)));
    decisions = Samples.map("space", space, "channel", "web", "slots", List.of(slot));
    Eventually.until(
        WAIT, () -> snapshots.get(space).map(s -> s.slot(slot).isPresent()).orElse(false));
  }

  @Test
  void withoutAValidKeyDecisionsAndEventsAre401AndWithOneTheyAnswer() {
    call(null)
        .post("/api/v1/decisions")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("X-Bespoke-Key"));
    call("bk_forged_key").post("/api/v1/decisions").then().statusCode(401);

    String key = createKey("homepage");
    Eventually.until(WAIT, () -> call(key).post("/api/v1/decisions").statusCode() == 200);
    call(key)
        .post("/api/v1/decisions")
        .then()
        .statusCode(200)
        .body("decisions[0].variant.key", equalTo("banner-default"));

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("space", space, "events", List.of(Map.of("type", "pageview"))))
        .post("/api/v1/events")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .header(DeliveryKeyGuard.HEADER, key)
        .body(Map.of("space", space, "events", List.of(Map.of("type", "pageview"))))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
  }

  @Test
  void aRevokedKeyStopsWorkingAndTheKeyItselfIsShownOnlyOnce() {
    String key = createKey("app");
    String id = key.split("_")[1];
    Eventually.until(WAIT, () -> call(key).post("/api/v1/decisions").statusCode() == 200);

    as(ADMIN)
        .get(Api.space(space) + "/delivery-keys")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].id", equalTo(id))
        .body("[0].key", nullValue());

    as(ADMIN)
        .delete(Api.space(space) + "/delivery-keys/" + id)
        .then()
        .statusCode(200)
        .body("revokedBy", equalTo("admin"));
    Eventually.until(WAIT, () -> call(key).post("/api/v1/decisions").statusCode() == 401);
    as(ADMIN).delete(Api.space(space) + "/delivery-keys/" + id).then().statusCode(409);
    assertThat(
            as(EDITOR)
                .get(Api.audit(space))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action", String.class))
        .contains("create", "revoke");
  }

  @Test
  void onlyAdminsManageKeys() {
    as(EDITOR).body(Map.of()).post(Api.space(space) + "/delivery-keys").then().statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(Api.space(space) + "/delivery-keys")
        .then()
        .statusCode(401);
  }

  @Test
  void spacesWithoutTheFlagNeedNoKey() {
    given()
        .contentType(ContentType.JSON)
        .body(Samples.map("channel", "web", "slots", List.of("home-hero")))
        .post("/api/v1/decisions")
        .then()
        .statusCode(200);
  }

  private String createKey(String label) {
    return as(ADMIN)
        .body(Map.of("label", label))
        .post(Api.space(space) + "/delivery-keys")
        .then()
        .statusCode(201)
        .body("key", startsWith("bk_"))
        .body("label", equalTo(label))
        .extract()
        .path("key");
  }

  private RequestSpecification call(String key) {
    RequestSpecification spec = given().contentType(ContentType.JSON).body(decisions);
    return key == null ? spec : spec.header(DeliveryKeyGuard.HEADER, key);
  }
}
