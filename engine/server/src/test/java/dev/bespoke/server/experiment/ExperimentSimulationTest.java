package dev.bespoke.server.experiment;

import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.testsupport.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 20,000 synthetic visitors through the real HTTP API, each with one decisions request for three
 * slots (each running its own experiment) and one events request, converting at known true rates:
 *
 * <ul>
 *   <li>{@code lift}: control converts at 20%, arm b at 24% (a real 20% relative lift): the split
 *       fits the weights and the lift is significant;
 *   <li>{@code same}: both arms convert at 20% (an A/A test): the split fits and nothing is
 *       significant;
 *   <li>{@code broken}: exposure at impression, and the "page" withholds half of arm b's
 *       impressions: the sample-ratio check flags the results as untrustworthy.
 * </ul>
 *
 * Visitor ids are random, so the arms differ from run to run; conversions are drawn from a seeded
 * random source. With about 10,000 visitors per arm the lift's expected z is near 7, so the
 * always-valid test detects it in practically every run, while the A/A test or the healthy splits
 * raise a false alarm in well under 1% of runs.
 */
@QuarkusTest
class ExperimentSimulationTest {

  private static final int VISITORS = 20_000;
  private static final int CLIENTS = 4;
  private static final double BASE_RATE = 0.20;
  private static final double LIFTED_RATE = 0.24;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/api/v1/decisions")
  URL decisions;

  @TestHTTPResource("/api/v1/events")
  URL events;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void liftIsFoundAaIsNotAndABrokenSplitIsFlagged() throws Exception {
    String space = Fixtures.newSpace();
    String liftSlot = Lab.publishedSlot(space);
    String sameSlot = Lab.publishedSlot(space);
    String brokenSlot = Lab.publishedSlot(space);
    String lift =
        Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), liftSlot, "g-lift", 1, 1));
    String same =
        Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), sameSlot, "g-same", 1, 1));
    String broken =
        Lab.createAndStart(
            space,
            with(
                Lab.ab(Lab.newExperimentKey(), brokenSlot, "g-broken", 1, 1),
                "exposure",
                "impression"));
    List<String> slots = List.of(liftSlot, sameSlot, brokenSlot);

    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < VISITORS; i = next.getAndIncrement()) {
                    visit(space, slots, i);
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "simulation: %d visitors (%d requests) in %d ms%n",
        VISITORS, 2 * VISITORS, (System.nanoTime() - started) / 1_000_000);

    JsonPath liftResults = Lab.results(space, lift);
    assertThat(visitors(liftResults)).isEqualTo(VISITORS);
    assertThat(liftResults.getBoolean("sampleRatio.untrustworthy")).isFalse();
    assertThat(liftResults.getBoolean("arms[1].vsControl.significant")).isTrue();
    assertThat(liftResults.getString("verdict")).isEqualTo("significant-win");
    assertThat(liftResults.getDouble("arms[1].vsControl.relativeLift")).isBetween(0.08, 0.32);

    JsonPath sameResults = Lab.results(space, same);
    assertThat(visitors(sameResults)).isEqualTo(VISITORS);
    assertThat(sameResults.getBoolean("sampleRatio.untrustworthy")).isFalse();
    assertThat(sameResults.getBoolean("arms[1].vsControl.significant")).isFalse();
    assertThat(sameResults.getString("verdict")).isEqualTo("not-yet-conclusive");

    JsonPath brokenResults = Lab.results(space, broken);
    assertThat(brokenResults.getBoolean("sampleRatio.untrustworthy")).isTrue();
    assertThat(brokenResults.getDouble("sampleRatio.pValue")).isLessThan(0.001);
    assertThat(brokenResults.getString("verdict")).isEqualTo("untrustworthy-srm");
    assertThat(brokenResults.getLong("excluded.notExposed")).isPositive();
  }

  /** One visitor: a decision for the three slots, then impressions and conversions. */
  private void visit(String space, List<String> slots, int index)
      throws IOException, InterruptedException {
    JsonNode answer = post(decisions, map("space", space, "channel", "web", "slots", slots));
    String visitor = answer.get("visitorId").asText();
    Random random = new Random(index * 7919L + 17);
    List<Map<String, Object>> batch = new ArrayList<>();
    String[] goals = {"g-lift", "g-same", "g-broken"};
    for (int s = 0; s < 3; s++) {
      JsonNode decision = answer.get("decisions").get(s);
      String arm = decision.get("experiment").get("arm").asText();
      if (s == 2) {
        boolean withheld = arm.equals("b") && index % 2 == 0;
        if (!withheld) {
          batch.add(Lab.impression(decision.get("decisionId").asText()));
        }
      }
      double rate = s == 0 && arm.equals("b") ? LIFTED_RATE : BASE_RATE;
      if (random.nextDouble() < rate) {
        batch.add(Lab.conversion(goals[s]));
      }
    }
    if (!batch.isEmpty()) {
      post(events, map("space", space, "visitorId", visitor, "events", batch));
    }
  }

  private JsonNode post(URL url, Map<String, Object> body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url.toString()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("status of %s", url).isBetween(200, 299);
    return JSON.readTree(response.body());
  }

  private static long visitors(JsonPath results) {
    return results.getLong("arms[0].visitors") + results.getLong("arms[1].visitors");
  }
}
