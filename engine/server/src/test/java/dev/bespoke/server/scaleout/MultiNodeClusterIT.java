package dev.bespoke.server.scaleout;

import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.testsupport.Samples;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes of the packaged application, each its own JVM on a loopback port, behind no load
 * balancer but shared state only: one database (PostgreSQL in the PostgreSQL pass, an H2 TCP server
 * otherwise) and a real three-master Redis Cluster started here, with {@code
 * quarkus.redis.client-type=cluster}. What one node does, the other must see: a publish, a
 * visitor's behaviour and erasure, and experiment counts, exactly.
 *
 * <p>The nodes poll the database for changes only every ten minutes, so a publish can reach the
 * other node in time only through the Redis Cluster pub/sub channel. Run alone with {@code ./mvnw
 * verify -pl engine/server -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs=false
 * -Dit.test=MultiNodeClusterIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeClusterIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PUBLISH_BOUND = Duration.ofSeconds(2);

  /** Event batches are written behind the request when Redis is slow: allow a loaded machine. */
  private static final Duration SHARED_STATE_BOUND = Duration.ofSeconds(15);

  private static final String ADMIN = "it-admin";
  private static final String CHANNEL = "web";

  private RedisClusterProcesses redis;
  private SharedDatabase database;
  private BespokeNode a;
  private BespokeNode b;
  private String space;

  @BeforeAll
  void startDeployment() throws IOException {
    Path jar =
        Path.of(System.getProperty("bespoke.it.app-jar", "target/quarkus-app/quarkus-run.jar"));
    assertThat(jar).as("the packaged application (run `package` first)").exists();
    Path dir =
        Path.of(System.getProperty("bespoke.it.work-dir", "target/it"))
            .resolve("multi-node-" + System.currentTimeMillis());
    Files.createDirectories(dir);

    redis = RedisClusterProcesses.start(dir, 3);
    database = SharedDatabase.forThisPass(dir);
    String password = secret(16);
    List<String> settings = deploymentSettings(password);
    // One after the other: the first node migrates the schema, the second finds it done.
    a = BespokeNode.start("node-a", jar, dir, settings, ADMIN, password);
    a.awaitReady(START_TIMEOUT);
    b = BespokeNode.start("node-b", jar, dir, settings, ADMIN, password);
    b.awaitReady(START_TIMEOUT);
    System.out.printf(
        "two nodes on %s and a Redis Cluster on ports %s (%s)%n",
        database.kind(), redis.ports(), dir);

    space = unique("scale");
    a.admin()
        .body(Samples.space(space))
        .post("/api/v1/admin/spaces")
        .then()
        .statusCode(StatusCode.CREATED);
  }

  /** What every node of one deployment is started with, as an operator would configure it. */
  private List<String> deploymentSettings(String password) {
    List<String> settings = new ArrayList<>();
    settings.add("-Dquarkus.profile=" + database.runtimeProfile());
    settings.addAll(database.nodeProperties());
    settings.add("-Dbespoke.profile.store=redis");
    settings.add("-Dquarkus.redis.client-type=cluster");
    settings.add("-Dquarkus.redis.hosts=" + redis.hosts());
    // Keys every node must share, or a visitor id signed by one node is refused by the other.
    settings.add("-Dbespoke.cookie.secret=" + secret(32));
    settings.add("-Dquarkus.http.auth.session.encryption-key=" + secret(16));
    settings.add("-Dbespoke.console.csrf-secret=" + secret(32));
    settings.add("-Dbespoke.security.users." + ADMIN + ".password-hash=" + bcrypt(password));
    settings.add("-Dbespoke.security.users." + ADMIN + ".role=admin");
    settings.add("-Dbespoke.snapshot.poll-interval=PT10M");
    settings.add("-Dbespoke.device.enabled=false");
    // As in the test profile: on a shared CI machine a merely slow Redis answer must not turn a
    // decision into a fallback or leave an exposure uncounted.
    settings.add("-Dbespoke.profile.timeout=PT2S");
    settings.add("-Dbespoke.experiments.counter-timeout=PT2S");
    // The test is one client address playing every visitor, and converts visitors in the same
    // breath as it exposes them: the per-address limit and the minimum time to convert (tested in
    // ManufacturedResultTest) would rightly refuse it.
    settings.add("-Dbespoke.limits.rate.enabled=false");
    settings.add("-Dbespoke.experiments.min-time-to-convert=PT0S");
    return settings;
  }

  @AfterAll
  void stopDeployment() {
    // In reverse order of start, each even when an earlier one fails to close.
    try {
      closeQuietly(b);
      closeQuietly(a);
    } finally {
      try {
        closeQuietly(database);
      } finally {
        closeQuietly(redis);
      }
    }
  }

  @Test
  void everyNodeAnswersTheDeliveryProbeWithTheSnapshotCheckAlone() {
    for (BespokeNode node : List.of(a, b)) {
      JsonPath health =
          node.anonymous()
              .get("/q/health/group/delivery")
              .then()
              .statusCode(StatusCode.OK)
              .extract()
              .jsonPath();
      assertThat(health.getString("status")).isEqualTo("UP");
      assertThat(health.getList("checks.name", String.class))
          .as("the load balancer's probe of %s", node.name())
          .containsExactly("published-snapshot");
    }
  }

  @Test
  void aPublishOnOneNodeIsServedByTheOtherWithinTwoSeconds() {
    String slot = publishedSlot(a);
    awaitAssert(SHARED_STATE_BOUND, () -> assertThat(served(b, null, slot)).isEqualTo("base"));

    String variants = variants(slot);
    create(a, variants, map("key", "fresh", "name", "Fresh", "fields", Map.of("title", "New")));
    assertThat(served(b, null, slot)).as("a draft is never served").isEqualTo("base");

    publish(a, variants + "/fresh");
    long published = System.nanoTime();
    Duration took = null;
    while (System.nanoTime() - published < Duration.ofSeconds(10).toNanos()) {
      if ("fresh".equals(served(b, null, slot))) {
        took = Duration.ofNanos(System.nanoTime() - published);
        break;
      }
      sleep(20);
    }
    System.out.printf("publish on %s served by %s after %s%n", a.name(), b.name(), took);
    assertThat(took).as("publish on A served by B").isNotNull();
    assertThat(took).isLessThanOrEqualTo(PUBLISH_BOUND);
    assertThat(snapshotGeneration(b))
        .as("both nodes serve one snapshot generation")
        .isEqualTo(snapshotGeneration(a));
  }

  @Test
  void aVisitorsBehaviourRecordedThroughOneNodeDrivesTheOthersDecisionsUntilErased() {
    String segment = unique("shoe-fans");
    create(
        a,
        "/api/v1/admin/spaces/" + space + "/segments",
        map(
            "key",
            segment,
            "name",
            "Shoe fans",
            "rule",
            map(
                "attr",
                "behavior.pageview.category.shoes",
                "op",
                "gte",
                "value",
                2,
                "within",
                "P30D")));
    publish(a, "/api/v1/admin/spaces/" + space + "/segments/" + segment);
    String slot = publishedSlot(a);
    create(
        a,
        variants(slot),
        map(
            "key",
            "shoes",
            "name",
            "Shoes",
            "fields",
            Map.of("title", "Shoes"),
            "segments",
            List.of(segment)));
    publish(a, variants(slot) + "/shoes");

    String visitor = decide(a, null, slot).getString("visitorId");
    Map<String, Object> shoes =
        map(
            "type",
            "pageview",
            "page",
            Map.of("url", "https://shop.example/shoes"),
            "properties",
            Map.of("category", "shoes"));
    events(a, visitor, List.of(shoes, shoes));

    awaitAssert(
        SHARED_STATE_BOUND,
        () -> {
          assertThat(pageviews(b, visitor, "pageview.category.shoes")).isEqualTo(2);
          JsonPath decision = decide(b, visitor, slot);
          assertThat(decision.getString("decisions[0].variant.key")).isEqualTo("shoes");
          assertThat(decision.getList("decisions[0].segments", String.class)).contains(segment);
          assertThat(decision.getBoolean("decisions[0].fallback")).isFalse();
        });

    // Erased through B: A finds nothing, serves the default, and writes nothing new for it.
    b.anonymous()
        .queryParam("space", space)
        .queryParam("visitorId", visitor)
        .delete("/api/v1/me")
        .then()
        .statusCode(StatusCode.NO_CONTENT);
    me(a, visitor).then().statusCode(StatusCode.NOT_FOUND);
    assertThat(served(a, visitor, slot)).isEqualTo("base");
    events(a, visitor, List.of(shoes, shoes, shoes));
    awaitAssert(SHARED_STATE_BOUND, () -> assertThat(eventsWaiting(a)).isZero());
    me(b, visitor).then().statusCode(StatusCode.NOT_FOUND);
  }

  @Test
  void experimentCountsSentThroughBothNodesAddUpExactly() {
    String slot = publishedSlotWithVariantB(a);
    String plain = publishedSlot(a);
    String experiment = unique("exp");
    create(
        a,
        experiments(),
        map(
            "key",
            experiment,
            "slot",
            slot,
            "type",
            "ab",
            "goal",
            "purchase",
            "arms",
            List.of(
                map("key", "control", "variant", "base", "weight", 1),
                map("key", "b", "variant", "b", "weight", 1))));
    a.admin().post(experiments() + "/" + experiment + "/start").then().statusCode(StatusCode.OK);

    Map<String, Long> visitors = new HashMap<>();
    Map<String, Long> conversions = new HashMap<>();
    // Until B has heard of the start its decisions carry no experiment; those that do count.
    awaitAssert(
        SHARED_STATE_BOUND,
        () -> {
          JsonPath probe = decide(b, null, slot);
          String arm = probe.getString("decisions[0].experiment.arm");
          if (arm != null) {
            visitors.merge(arm, 1L, Long::sum);
          }
          assertThat(arm).as("B runs the experiment").isNotNull();
        });

    for (int i = 0; i < 24; i++) {
      BespokeNode first = i % 2 == 0 ? a : b;
      BespokeNode other = first == a ? b : a;
      JsonPath exposure = decide(first, null, slot);
      String visitor = exposure.getString("visitorId");
      String arm = exposure.getString("decisions[0].experiment.arm");
      assertThat(arm).isNotNull();
      // The same visitor on the other node: the same arm, and not a second exposure.
      assertThat(decide(other, visitor, slot).getString("decisions[0].experiment.arm"))
          .isEqualTo(arm);
      visitors.merge(arm, 1L, Long::sum);
      if (i % 3 == 0) {
        events(other, visitor, List.of(conversion()));
        events(first, visitor, List.of(conversion()));
        conversions.merge(arm, 1L, Long::sum);
      }
    }
    int strangers = 3;
    for (int i = 0; i < strangers; i++) {
      String stranger = decide(a, null, plain).getString("visitorId");
      events(b, stranger, List.of(conversion()));
    }

    awaitAssert(
        SHARED_STATE_BOUND,
        () -> {
          for (BespokeNode node : List.of(a, b)) {
            JsonPath results = results(node, experiment);
            for (String arm : List.of("control", "b")) {
              String path = "arms.find { it.key == '" + arm + "' }";
              assertThat(results.getLong(path + ".visitors"))
                  .as("visitors in %s, read on %s", arm, node.name())
                  .isEqualTo(visitors.getOrDefault(arm, 0L));
              assertThat(results.getLong(path + ".conversions"))
                  .as("conversions in %s, read on %s", arm, node.name())
                  .isEqualTo(conversions.getOrDefault(arm, 0L));
            }
            assertThat(results.getLong("excluded.notExposed")).isEqualTo(strangers);
          }
        });
    System.out.printf(
        "experiment counted through both nodes: visitors %s, conversions %s%n",
        visitors, conversions);
  }

  // --- content over the admin API -------------------------------------------------------------

  /** A published slot whose only variant is its published default, {@code base}. */
  private String publishedSlot(BespokeNode node) {
    String slot = unique("slot");
    create(node, "/api/v1/admin/spaces/" + space + "/slots", Samples.slot(slot));
    create(
        node,
        variants(slot),
        map("key", "base", "name", "Base", "fields", Map.of("title", "Base"), "isDefault", true));
    publish(node, "/api/v1/admin/spaces/" + space + "/slots/" + slot);
    publish(node, variants(slot) + "/base");
    return slot;
  }

  /** A published slot with the default {@code base} and a variant {@code b} for an A/B test. */
  private String publishedSlotWithVariantB(BespokeNode node) {
    String slot = publishedSlot(node);
    create(node, variants(slot), map("key", "b", "name", "B", "fields", Map.of("title", "B")));
    publish(node, variants(slot) + "/b");
    return slot;
  }

  private String variants(String slot) {
    return "/api/v1/admin/spaces/" + space + "/slots/" + slot + "/variants";
  }

  private String experiments() {
    return "/api/v1/admin/spaces/" + space + "/experiments";
  }

  private static void create(BespokeNode node, String collection, Map<String, Object> body) {
    node.admin().body(body).post(collection).then().statusCode(StatusCode.CREATED);
  }

  private static void publish(BespokeNode node, String resource) {
    node.admin().post(resource + "/publish").then().statusCode(StatusCode.OK);
  }

  private JsonPath results(BespokeNode node, String experiment) {
    return node.admin()
        .get(experiments() + "/" + experiment + "/results")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  // --- delivery ---------------------------------------------------------------------------------

  private JsonPath decide(BespokeNode node, String visitorId, String slot) {
    Map<String, Object> body = map("space", space, "channel", CHANNEL, "slots", List.of(slot));
    if (visitorId != null) {
      body.put("visitorId", visitorId);
    }
    return node.anonymous()
        .body(body)
        .post("/api/v1/decisions")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  private String served(BespokeNode node, String visitorId, String slot) {
    return decide(node, visitorId, slot).getString("decisions[0].variant.key");
  }

  private void events(BespokeNode node, String visitorId, List<Map<String, Object>> events) {
    node.anonymous()
        .body(map("space", space, "visitorId", visitorId, "events", events))
        .post("/api/v1/events")
        .then()
        .statusCode(StatusCode.ACCEPTED);
  }

  private static Map<String, Object> conversion() {
    return map("type", "conversion", "goal", "purchase");
  }

  private io.restassured.response.Response me(BespokeNode node, String visitorId) {
    return node.anonymous()
        .queryParam("space", space)
        .queryParam("visitorId", visitorId)
        .get("/api/v1/me");
  }

  /** The visitor's day counters of one behaviour, summed, as the node's {@code /me} shows them. */
  private long pageviews(BespokeNode node, String visitorId, String counter) {
    JsonPath me = me(node, visitorId).then().statusCode(StatusCode.OK).extract().jsonPath();
    Map<String, Object> counters = me.getMap("visitor.counters");
    @SuppressWarnings("unchecked")
    Map<String, Number> days = (Map<String, Number>) counters.getOrDefault(counter, Map.of());
    return days.values().stream().mapToLong(Number::longValue).sum();
  }

  // --- metrics ----------------------------------------------------------------------------------

  private String snapshotGeneration(BespokeNode node) {
    return metric(node, "bespoke_snapshot_generation\\{space=\"" + Pattern.quote(space) + "\"}");
  }

  private static long eventsWaiting(BespokeNode node) {
    return (long) Double.parseDouble(metric(node, "bespoke_events_buffer_depth"));
  }

  private static String metric(BespokeNode node, String series) {
    String text = node.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
    assertThat(m.find()).as("%s on %s", series, node.name()).isTrue();
    return m.group(1);
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** Retries the assertion until it passes or the time is up, then throws its last failure. */
  private static void awaitAssert(Duration timeout, Runnable assertion) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      sleep(100);
    }
  }

  private static String secret(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String bcrypt(String password) {
    return BcryptUtil.bcryptHash(password);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      System.err.println("closing " + closeable + " failed: " + e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
