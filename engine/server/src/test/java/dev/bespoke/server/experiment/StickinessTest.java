package dev.bespoke.server.experiment;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.Test;

/**
 * A holdout at 50% traffic is lowered to 10% and raised to 90%: no exposed visitor ever changes arm
 * or content, and each is counted once.
 */
@QuarkusTest
class StickinessTest {

  private static final int VISITORS = 120;

  @Test
  void trafficLoweredThenRaisedMovesNoExposedVisitor() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    Map<String, Object> body =
        map(
            "key",
            Lab.newExperimentKey(),
            "slot",
            slot,
            "type",
            "holdout",
            "goal",
            "purchase",
            "trafficPercent",
            50);
    String key = Lab.createAndStart(space, body);

    Map<String, String> armOf = new HashMap<>();
    List<String> outside = new java.util.ArrayList<>();
    for (int i = 0; i < VISITORS; i++) {
      JsonPath answer = Lab.decide(space, null, List.of(slot), Map.of());
      String visitor = answer.getString("visitorId");
      String arm = answer.getString("decisions[0].experiment.arm");
      if (arm == null) {
        outside.add(visitor);
        assertThat(answer.getString("decisions[0].variant.key")).isEqualTo(Lab.VARIANT_B);
        continue;
      }
      armOf.put(visitor, arm);
      // The holdout's control sees the slot's default; personalised the normal decision (b).
      assertThat(answer.getString("decisions[0].variant.key"))
          .isEqualTo(arm.equals("control") ? Lab.DEFAULT_VARIANT : Lab.VARIANT_B);
    }
    assertThat(armOf.size()).isBetween(VISITORS / 4, VISITORS * 3 / 4);
    assertThat(armOf.values()).contains("control", "personalised");

    // Assignments are written to the profile in the background; wait until all are stored.
    Eventually.until(
        Duration.ofSeconds(20),
        () ->
            armOf.entrySet().stream()
                .allMatch(e -> e.getValue().equals(storedArm(space, e.getKey(), key))));

    setTraffic(space, key, body, 10);
    assertArmsKept(space, slot, key, armOf);
    long newcomersAt10 =
        outside.stream().filter(v -> armAfterDecision(space, slot, v) != null).count();
    assertThat(newcomersAt10).as("a lower share admits nobody new").isZero();

    setTraffic(space, key, body, 90);
    assertArmsKept(space, slot, key, armOf);
    long newcomers = outside.stream().filter(v -> armAfterDecision(space, slot, v) != null).count();
    assertThat(newcomers).as("a higher share admits newcomers").isPositive();

    JsonPath results = Lab.results(space, key);
    assertThat(results.getLong("arms[0].visitors") + results.getLong("arms[1].visitors"))
        .isEqualTo(armOf.size() + newcomers);
  }

  private static void assertArmsKept(
      String space, String slot, String key, Map<String, String> armOf) {
    armOf.forEach(
        (visitor, arm) -> {
          JsonPath again = Lab.decide(space, visitor, List.of(slot), Map.of());
          assertThat(again.getString("decisions[0].experiment.key")).isEqualTo(key);
          assertThat(again.getString("decisions[0].experiment.arm")).isEqualTo(arm);
        });
  }

  private static String armAfterDecision(String space, String slot, String visitor) {
    return Lab.decide(space, visitor, List.of(slot), Map.of())
        .getString("decisions[0].experiment.arm");
  }

  @Test
  void anExposedVisitorKeepsTheirArmAfterLoggingInAndOnTheirOtherDevices() {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key =
        Lab.createAndStart(
            space,
            map(
                "key",
                Lab.newExperimentKey(),
                "slot",
                slot,
                "type",
                "holdout",
                "goal",
                "purchase",
                "trafficPercent",
                50));
    String visitor = null;
    String arm = null;
    while (arm == null) {
      JsonPath answer = Lab.decide(space, null, List.of(slot), Map.of());
      visitor = answer.getString("visitorId");
      arm = answer.getString("decisions[0].experiment.arm");
    }
    String anonymous = visitor;
    String exposedArm = arm;
    Eventually.until(
        Duration.ofSeconds(20), () -> exposedArm.equals(storedArm(space, anonymous, key)));

    // Logging in on the same device: the merge carries the assignment to the customer.
    String customer = "cust-" + anonymous.substring(0, 8);
    String session = sessionFor(customer);
    JsonPath atLogin = decideAs(space, anonymous, slot, session);
    assertThat(atLogin.getString("decisions[0].experiment.arm")).isEqualTo(exposedArm);
    Eventually.until(
        Duration.ofSeconds(20), () -> exposedArm.equals(customerArm(space, customer, key)));

    // Other devices, each with its own new visitor id (half of which would bucket elsewhere or
    // outside the 50%): the customer's stored arm decides.
    for (int device = 0; device < 12; device++) {
      JsonPath elsewhere = decideAs(space, null, slot, session);
      assertThat(elsewhere.getString("visitorId")).isNotEqualTo(anonymous);
      assertThat(elsewhere.getString("decisions[0].experiment.arm"))
          .as("device %d", device)
          .isEqualTo(exposedArm);
    }
  }

  private static JsonPath decideAs(String space, String visitor, String slot, String session) {
    Map<String, Object> body = map("space", space, "channel", "web", "slots", List.of(slot));
    if (visitor != null) {
      body.put("visitorId", visitor);
    }
    return io.restassured.RestAssured.given()
        .contentType(io.restassured.http.ContentType.JSON)
        .header("Authorization", "Bearer " + session)
        .body(body)
        .post("/api/v1/decisions")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  /** A session JWT as the shop would sign it (the test profile's HS256 secret and issuer). */
  private static String sessionFor(String customer) {
    org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
    claims.setSubject(customer);
    claims.setIssuer("https://shop.example");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(10);
    org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKey(
        new org.jose4j.keys.HmacKey(
            "test-only-session-secret-0123456789abcdef"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      return jws.getCompactSerialization();
    } catch (org.jose4j.lang.JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String customerArm(String space, String customer, String key) {
    var response = as(ADMIN).get(Api.space(space) + "/customers/" + customer);
    if (response.statusCode() != StatusCode.OK) {
      return null;
    }
    return response.jsonPath().getString("profile.experiments.'" + key + "'");
  }

  private static String storedArm(String space, String visitor, String key) {
    var response = as(ADMIN).get(Api.space(space) + "/profiles/" + visitor);
    if (response.statusCode() != StatusCode.OK) {
      return null;
    }
    return response.jsonPath().getString("experiments.'" + key + "'");
  }

  private static void setTraffic(String space, String key, Map<String, Object> body, int percent) {
    String url = Lab.url(space, key);
    as(PUBLISHER)
        .body(with(with(body, "trafficPercent", percent), "version", Fixtures.version(url)))
        .put(url)
        .then()
        .statusCode(StatusCode.OK);
  }
}
