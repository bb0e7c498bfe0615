package dev.bespoke.server.experiment;

import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.bespoke.server.limits.LimitsConfig;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Bandits;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attack replayed over HTTP: a script mints visitors and sends conversions for half of
 * one arm and a tenth of the other. Before the defences this was a {@code significant-win} that a
 * publisher could promote. The node runs with the shipped rate limit (read from the config
 * mapping's own defaults), trusts {@code X-Forwarded-For} from the loopback peer so a test can play
 * a botnet of many addresses, and uses one-second burst buckets so the burst check has history
 * within seconds rather than half an hour.
 */
@QuarkusTest
@TestProfile(ManufacturedResultTest.Guarded.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManufacturedResultTest {

  /** The shipped defaults for the limits under test; the burst check on a seconds scale. */
  public static class Guarded implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "bespoke.limits.rate.per-second", shipped(LimitsConfig.Rate.class, "perSecond"),
          "bespoke.limits.rate.burst", shipped(LimitsConfig.Rate.class, "burst"),
          "bespoke.limits.trusted-proxies", "127.0.0.1/32,::1/128",
          // Longer than the shipped second: on a loaded machine a decision's answer and the next
          // request can take seconds between them; the rule, not its default, is under test.
          "bespoke.experiments.min-time-to-convert", "PT10S",
          "bespoke.experiments.burst.bucket", "PT1S",
          "bespoke.experiments.burst.window-buckets", "10",
          "bespoke.experiments.burst.min-history", "PT5S",
          "bespoke.experiments.burst.floor", "10");
    }
  }

  private static final String GOAL = "purchase";
  private static final int VISITORS = 400;

  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  private final ExecutorService few = Executors.newFixedThreadPool(4);

  /** As many requests in flight at once as a script opens: far more than the burst allows. */
  private final ExecutorService script = Executors.newFixedThreadPool(100);

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
    script.shutdownNow();
    few.shutdownNow();
  }

  @Test
  @DisplayName(
      "one address minting 400 visitors meets the default rate limit: 429 problem+json with"
          + " Retry-After, and no significant win")
  void oneAddressIsThrottled() throws Exception {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key = Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), slot, GOAL, 1, 1));

    // The script: mint a visitor, convert it if it is one of the skewed share, next.
    List<Response> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    inParallel(
        script,
        VISITORS,
        i -> {
          Response decision = decide(space, slot, null);
          answers.add(decision);
          if (decision.statusCode() == 200) {
            Response conversion = skewedConversion(space, decision, null);
            if (conversion != null) {
              answers.add(conversion);
            }
          }
          return decision;
        });
    double seconds = (System.nanoTime() - started) / 1e9;
    long passed = answers.stream().filter(r -> r.statusCode() != 429).count();
    JsonPath results = Lab.results(space, key);
    System.out.printf(
        "one address: %d requests in %.1f s, %d passed; verdict %s%n",
        answers.size(), seconds, passed, results.getString("verdict"));
    long budget =
        Long.parseLong(shipped(LimitsConfig.Rate.class, "burst"))
            + Long.parseLong(shipped(LimitsConfig.Rate.class, "perSecond"))
                * ((long) Math.ceil(seconds) + 1);
    assertThat(passed).isLessThanOrEqualTo(budget);
    assertThat(results.getString("verdict")).isNotEqualTo("significant-win");

    // A loaded machine may answer decisions slower than the limit; requests the node refuses
    // cheaply (405 for GET) arrive faster, and count against the same budget.
    List<Response> flood =
        inParallel(script, 300, i -> given().get("/api/v1/decisions").andReturn());
    List<Response> limited = flood.stream().filter(r -> r.statusCode() == 429).toList();
    System.out.printf(
        "one address, flood: %d requests, %d refused with 429%n", 300, limited.size());
    assertThat(limited).isNotEmpty();
    for (Response r : limited) {
      Problems.problem(r, 429).body("type", containsString("rate-limited"));
      assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    }
  }

  @Test
  @DisplayName(
      "a botnet converting visitors it minted a moment before: the conversions are excluded as"
          + " too soon, and no significant win")
  void conversionsStraightAfterMintingAreNotCounted() throws Exception {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key = Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), slot, GOAL, 1, 1));

    // Each visitor converts straight after its own decision, as the script did; four at a time,
    // so that on a loaded machine the gap stays the script's, not the machine's queue.
    List<Response> conversions =
        inParallel(
            few,
            VISITORS,
            i -> {
              Response decision = decide(space, slot, address(18, i));
              assertThat(decision.statusCode()).isEqualTo(200);
              return skewedConversion(space, decision, address(18, i));
            });
    long sent = conversions.stream().filter(r -> r != null).count();
    assertThat(conversions).allMatch(r -> r == null || r.statusCode() == StatusCode.ACCEPTED);

    JsonPath results = Lab.results(space, key);
    System.out.printf(
        "minted and converted at once: %d conversions sent, verdict %s, excluded too soon %d%n",
        sent, results.getString("verdict"), results.getLong("excluded.tooSoonAfterExposure"));
    assertThat(results.getString("verdict")).isNotEqualTo("significant-win");
    assertThat(results.getLong("excluded.tooSoonAfterExposure")).isEqualTo(sent);
    assertThat(results.getLong("arms.find { it.key == 'b' }.conversions")).isZero();
  }

  @Test
  @DisplayName(
      "a botnet that waits before converting: the flood of visitors and conversions is flagged"
          + " untrustworthy-burst, and promotion is refused")
  void aFloodAfterQuietHistoryIsFlaggedAndNotPromoted() throws Exception {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String key = Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), slot, GOAL, 1, 1));

    // The experiment's own history: one visitor in the sixteen seconds before the flood, more
    // than the window (10 s) and the history it needs (5 s) together.
    assertThat(decide(space, slot, "203.0.113.1").statusCode()).isEqualTo(200);
    Thread.sleep(16_000);
    List<Response> decisions = inParallel(VISITORS, i -> decide(space, slot, address(19, i)));
    assertThat(decisions).allMatch(r -> r.statusCode() == 200);
    JsonPath afterVisitors = Lab.results(space, key);
    System.out.printf("after the flood of visitors: burst %s%n", afterVisitors.getMap("burst"));
    assertThat(afterVisitors.getBoolean("burst.newVisitors.burst")).isTrue();
    assertThat(afterVisitors.getString("verdict")).isEqualTo("untrustworthy-burst");
    // Longer than the minimum time to convert, so these conversions count.
    Thread.sleep(10_500);
    List<Response> conversions =
        inParallel(VISITORS, i -> skewedConversion(space, decisions.get(i), address(19, i)));
    assertThat(conversions).allMatch(r -> r == null || r.statusCode() == StatusCode.ACCEPTED);

    JsonPath results = Lab.results(space, key);
    System.out.printf(
        "flood after history: visitors b %d control %d, conversions b %d control %d;"
            + " burst %s; verdict %s%n",
        results.getLong("arms.find { it.key == 'b' }.visitors"),
        results.getLong("arms.find { it.key == 'control' }.visitors"),
        results.getLong("arms.find { it.key == 'b' }.conversions"),
        results.getLong("arms.find { it.key == 'control' }.conversions"),
        results.getMap("burst"),
        results.getString("verdict"));
    assertThat(results.getLong("arms.find { it.key == 'b' }.conversions")).isPositive();
    assertThat(results.getBoolean("burst.untrustworthy")).isTrue();
    assertThat(results.getBoolean("burst.newVisitors.burst")).isTrue();
    assertThat(results.getBoolean("burst.conversions.burst")).isTrue();
    assertThat(results.getString("verdict")).isEqualTo("untrustworthy-burst");
    assertThat(results.getString("decidedBy")).isEqualTo("burst-check");

    as(PUBLISHER)
        .post(Lab.url(space, key) + "/promote")
        .then()
        .statusCode(StatusCode.CONFLICT)
        .contentType(Problems.PROBLEM_JSON)
        .body("detail", containsString("improbable burst"));
    as(PUBLISHER)
        .get(Api.variants(space, slot) + "/" + Lab.VARIANT_B)
        .then()
        .body("status", equalTo("published"));
  }

  @Test
  @DisplayName(
      "the bandit learns nothing from clicks sent the moment a decision was minted, and still"
          + " from a click after the minimum delay")
  void theBanditIgnoresRewardsStraightAfterMinting() throws Exception {
    String space = Fixtures.newSpace();
    String slot = Bandits.banditSlot(space, "good", "poor");

    // One after the other, so each click follows its decision as closely as the machine allows.
    for (int i = 0; i < 40; i++) {
      Response decision = decide(space, slot, address(17, i));
      assertThat(decision.statusCode()).isEqualTo(200);
      click(space, decision, address(17, i));
    }
    Response patient = decide(space, slot, "203.0.113.200");
    // The minimum delay (10 s here), plus the second a decision id's time is rounded down by.
    Thread.sleep(11_500);
    click(space, patient, "203.0.113.200");

    Eventually.until(Duration.ofSeconds(20), () -> Bandits.allRewards(space, slot) >= 1);
    Thread.sleep(1_000);
    System.out.printf(
        "bandit: 40 instant clicks and 1 patient one, rewards counted %d%n",
        Bandits.allRewards(space, slot));
    assertThat(Bandits.allRewards(space, slot)).isEqualTo(1);
  }

  private static Response click(String space, Response decision, String address) {
    JsonPath answer = decision.jsonPath();
    return given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", address)
        .body(
            map(
                "space",
                space,
                "visitorId",
                answer.getString("visitorId"),
                "events",
                List.of(
                    map(
                        "type",
                        "click",
                        "decisionId",
                        answer.getString("decisions[0].decisionId")))))
        .post("/api/v1/events")
        .then()
        .statusCode(StatusCode.ACCEPTED)
        .extract()
        .response();
  }

  /** A decision for a new visitor, from {@code address} through our proxy, or from the peer. */
  private static Response decide(String space, String slot, String address) {
    var request =
        given()
            .contentType(ContentType.JSON)
            .body(map("space", space, "channel", "web", "slots", List.of(slot)));
    if (address != null) {
      request.header("X-Forwarded-For", address);
    }
    return request.post("/api/v1/decisions");
  }

  /**
   * The attack's conversions: half of arm b's visitors and a tenth of the control's convert; null
   * when this visitor does not.
   */
  private static Response skewedConversion(String space, Response decision, String address) {
    JsonPath answer = decision.jsonPath();
    String arm = answer.getString("decisions[0].experiment.arm");
    int n = Math.floorMod(answer.getString("visitorId").hashCode(), 10);
    boolean converts = "b".equals(arm) ? n < 5 : n == 0;
    if (!converts) {
      return null;
    }
    var request =
        given()
            .contentType(ContentType.JSON)
            .body(
                map(
                    "space",
                    space,
                    "visitorId",
                    answer.getString("visitorId"),
                    "events",
                    Lab.list(Lab.conversion(GOAL))));
    if (address != null) {
      request.header("X-Forwarded-For", address);
    }
    return request.post("/api/v1/events");
  }

  /** One address per visitor in 198.18.0.0/15, the range set aside for benchmarks. */
  private static String address(int secondOctet, int i) {
    return "198." + secondOctet + "." + (i / 250) + "." + (i % 250 + 1);
  }

  private List<Response> inParallel(int count, IntFunction<Response> call) throws Exception {
    return inParallel(pool, count, call);
  }

  private static List<Response> inParallel(
      ExecutorService pool, int count, IntFunction<Response> call) throws Exception {
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      futures.add(pool.submit(() -> call.apply(n)));
    }
    List<Response> answers = new ArrayList<>();
    for (Future<Response> f : futures) {
      answers.add(f.get());
    }
    return answers;
  }

  /** The value a config mapping ships with, so this test follows the defaults when they change. */
  static String shipped(Class<?> mapping, String property) {
    try {
      return mapping.getMethod(property).getAnnotation(WithDefault.class).value();
    } catch (NoSuchMethodException e) {
      throw new AssertionError("no property " + property + " on " + mapping.getSimpleName(), e);
    }
  }
}
