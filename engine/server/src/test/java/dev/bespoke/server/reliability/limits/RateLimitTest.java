package dev.bespoke.server.reliability.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rate limiting switched on with a tiny budget. Its own profile (one extra Quarkus boot), because
 * every other test sends far more than a public client may.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

  /** Three requests at once, then one a second. */
  public static class Tight implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "bespoke.limits.rate.enabled", "true",
          "bespoke.limits.rate.per-second", "1",
          "bespoke.limits.rate.burst", "3");
    }
  }

  @Test
  @DisplayName("L-rate: over the budget, delivery answers 429 problem+json with Retry-After")
  void overTheBudgetIs429() {
    long started = System.nanoTime();
    List<Response> answers = burst(Map.of());
    assertAtMostTheBudgetPassed(answers, started);
    for (Response r : answers) {
      if (r.statusCode() == 429) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 5L);
      } else {
        assertThat(r.statusCode()).isEqualTo(200);
      }
    }
    Response events = null;
    for (int i = 0; i < 10 && (events == null || events.statusCode() != 429); i++) {
      events =
          given()
              .contentType(ContentType.JSON)
              .body(Map.of("events", List.of(Map.of("type", "pageview"))))
              .post("/api/v1/events");
    }
    assertThat(events.statusCode()).isEqualTo(429);
  }

  @Test
  @DisplayName("H21 X-Forwarded-For from an untrusted peer does not dodge the limit")
  void forwardedForFromAnUntrustedPeerIsIgnored() {
    long started = System.nanoTime();
    List<Response> answers =
        IntStream.range(0, REQUESTS)
            .parallel()
            .mapToObj(i -> decide(Map.of("X-Forwarded-For", "203.0.113." + i + ", 127.0.0.1")))
            .toList();
    assertAtMostTheBudgetPassed(answers, started);
  }

  @Test
  @DisplayName("L-rate: the admin API is not rate limited by address")
  void adminIsNotLimited() {
    for (int i = 0; i < 8; i++) {
      given()
          .auth()
          .preemptive()
          .basic("editor", "editor")
          .get("/api/v1/admin/account")
          .then()
          .statusCode(200);
    }
  }

  private static final int REQUESTS = 20;

  private static List<Response> burst(Map<String, String> headers) {
    return IntStream.range(0, REQUESTS).parallel().mapToObj(i -> decide(headers)).toList();
  }

  /**
   * A bucket of 3 refilled at 1/s lets through at most 3 plus one a second of the run (plus one for
   * a refill landing between the clock reads), however slow the machine.
   */
  private static void assertAtMostTheBudgetPassed(List<Response> answers, long startedNanos) {
    long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L + 1;
    long passed = answers.stream().filter(r -> r.statusCode() != 429).count();
    assertThat(passed).as("passed in %d s", seconds).isLessThanOrEqualTo(3 + seconds + 1);
    assertThat(answers).anyMatch(r -> r.statusCode() == 429);
  }

  private static Response decide(Map<String, String> headers) {
    return given()
        .contentType(ContentType.JSON)
        .headers(headers)
        .body(Map.of("channel", "web", "slots", List.of("promo-bar")))
        .post("/api/v1/decisions");
  }
}
