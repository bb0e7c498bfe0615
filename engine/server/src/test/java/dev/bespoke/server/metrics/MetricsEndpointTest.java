package dev.bespoke.server.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's view of a node in Prometheus format: the decision latency histogram moves when a
 * decision is made, and the breaker, buffer and snapshot gauges are there to alert on.
 */
@QuarkusTest
class MetricsEndpointTest {

  private static final Pattern DECISION_COUNT =
      Pattern.compile("(?m)^bespoke_decision_seconds_count(?:\\{[^}]*})? ([0-9.eE+]+)$");

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void aDecisionIsCountedInTheLatencyHistogram() {
    double before = decisionCount(metrics());

    decide();

    String after = metrics();
    assertThat(decisionCount(after)).isEqualTo(before + 1);
    // Buckets, not just a summary: percentiles can then be computed across nodes.
    assertThat(after).containsPattern("(?m)^bespoke_decision_seconds_bucket\\{le=\"[0-9.eE+-]+\"");
    assertThat(after).containsPattern("(?m)^bespoke_decision_seconds_bucket\\{le=\"\\+Inf\"");
    assertThat(after).contains("bespoke_decision_seconds_sum");
  }

  @Test
  void theBreakerBuffersFallbacksAndSnapshotGenerationAreExposed() {
    decide();

    String text = metrics();
    assertThat(text).containsPattern("(?m)^bespoke_profile_breaker_state(\\{[^}]*})? 0\\.0$");
    assertThat(text).containsPattern("(?m)^bespoke_events_buffer_depth(\\{[^}]*})? [0-9.]+$");
    assertThat(text).containsPattern("(?m)^bespoke_events_buffer_capacity(\\{[^}]*})? [0-9.]+$");
    assertThat(text).containsPattern("(?m)^bespoke_profile_writes_depth(\\{[^}]*})? [0-9.]+$");
    assertThat(text)
        .containsPattern("(?m)^bespoke_decision_fallbacks_total\\{cause=\"profile-unavailable\"");
    assertThat(text).containsPattern("(?m)^bespoke_decision_fallbacks_total\\{cause=\"error\"");
    assertThat(text)
        .containsPattern("(?m)^bespoke_snapshot_generation\\{space=\"default\"} [1-9][0-9.eE+]*$");
    assertThat(text).contains("bespoke_snapshot_rebuild_seconds_count");
  }

  private static void decide() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("space", "default", "channel", "web", "slots", List.of("home-hero")))
        .post("/api/v1/decisions")
        .then()
        .statusCode(200);
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  private static double decisionCount(String metrics) {
    Matcher m = DECISION_COUNT.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
