package dev.bespoke.server.reliability.faults;

import static dev.bespoke.server.reliability.faults.Traffic.decide;
import static dev.bespoke.server.reliability.faults.Traffic.newVisitor;
import static dev.bespoke.server.reliability.faults.Traffic.pageviews;
import static dev.bespoke.server.reliability.faults.Traffic.shoeFan;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.bespoke.server.events.service.EventBuffer;
import dev.bespoke.server.health.SnapshotReadiness;
import dev.bespoke.server.metrics.NodeGauges;
import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.snapshot.SnapshotBroadcast;
import dev.bespoke.server.snapshot.SnapshotCompiler;
import dev.bespoke.server.snapshot.SnapshotRefresher;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.store.publication.PublishedContentReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected into real processes while a bounded load runs against the service on loopback:
 * its own {@code redis-server} killed, slowed and cut off from pub/sub, its content database cut
 * off (with a transaction in flight), a full disk under the embedded database, and the shutdown
 * sequence under event load. One service instance serves them all (one Quarkus start); each fault
 * is undone before the next, and the faults that leave the node changed for good run last.
 */
@QuarkusTest
@QuarkusTestResource(value = FaultRig.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

  /** The load of F1 and F5: at least this long, with the service gone in the middle. */
  private static final Duration RUN = Duration.ofSeconds(31);

  private static final Duration RECOVERY = Duration.ofSeconds(30);

  private static Vertx vertx;
  private static Redis redisClient;
  private static LogCapture logs;

  @Inject SnapshotRegistry snapshots;
  @Inject PublishedContentReader reader;
  @Inject SnapshotCompiler compiler;
  @Inject NodeGauges gauges;
  @Inject AgroalDataSource database;
  @Inject EventBuffer eventBuffer;

  @BeforeAll
  static void connect() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    logs = LogCapture.install();
    vertx = Vertx.vertx();
    redisClient = FaultRig.redis().client(vertx);
  }

  @AfterAll
  static void disconnect() {
    logs.uninstall();
    redisClient.close();
    vertx.closeAndAwait();
  }

  @AfterEach
  void undoFaults() {
    FaultRig.redis().resume();
    FaultRig.redisLink().delay(Duration.ZERO);
    FaultRig.redisLink().restore();
    FaultRig.databaseLink().delay(Duration.ZERO);
    FaultRig.databaseLink().restore();
  }

  @Test
  @Order(1)
  @DisplayName(
      "F1 Redis SIGKILLed under load and restarted: decisions 200 with fallback, events 202 or"
          + " 503 + Retry-After, breaker closes and buffered events land")
  void f1RedisKilledUnderLoad() throws Exception {
    String fan = awaitShoeFan();
    Tally tally = new Tally();
    AtomicBoolean redisDown = new AtomicBoolean();
    AtomicLong personalisedWhileDown = new AtomicLong();
    // Events sent from the kill on go to a visitor of their own: the restarted Redis is empty
    // (no persistence), so only those can be counted exactly after the restart.
    String outageVisitor = newVisitor();
    AtomicLong outageAccepted = new AtomicLong();
    AtomicBoolean outageStarted = new AtomicBoolean();
    String before = newVisitor();

    Runnable decisions =
        () -> {
          boolean down = redisDown.get();
          Response answer = decide("default", "home-hero", fan);
          tally.decision(answer);
          if (down
              && answer.statusCode() == 200
              && answer.jsonPath().getBoolean("decisions[0].fallback")
              && "shoe-fan-running"
                  .equals(answer.jsonPath().getString("decisions[0].variant.key"))) {
            personalisedWhileDown.incrementAndGet();
          }
        };
    Runnable events =
        () -> {
          boolean outage = outageStarted.get();
          boolean accepted =
              tally.events(pageviews("default", outage ? outageVisitor : before, "faults", 1));
          if (outage && accepted) {
            outageAccepted.incrementAndGet();
          }
          pause(5);
        };
    Traffic traffic = Traffic.run(decisions, decisions, decisions, events);
    long start = System.nanoTime();
    Thread.sleep(8_000);
    outageStarted.set(true);
    redisDown.set(true);
    FaultRig.redis().kill();
    Thread.sleep(12_000);
    long fallbacksWhileDown = tally.fallbacks.get();
    FaultRig.redis().restart();
    redisDown.set(false);
    // The breaker closes by itself: a new shoe fan is personalised again.
    Eventually.until(RECOVERY, () -> shoeFan() != null);
    sleepUntil(start, RUN);
    traffic.stop();

    System.out.println(tally.summary("F1"));
    assertThat(tally.seconds()).isGreaterThanOrEqualTo(30);
    assertThat(tally.decisionsNot200).hasValue(0);
    assertThat(fallbacksWhileDown).as("decisions went on without Redis").isPositive();
    assertThat(personalisedWhileDown).as("nobody knew the visitor without Redis").hasValue(0);
    assertThat(tally.eventsOther).as("events: 202 or 503, nothing else").hasValue(0);
    assertThat(tally.events503WithoutRetryAfter).hasValue(0);
    assertThat(outageAccepted.get()).isPositive();
    // Every batch answered 202 from the kill on was written once Redis was back: none dropped.
    AtomicLong counted = new AtomicLong();
    try {
      Eventually.until(
          RECOVERY,
          () -> {
            counted.set(pageviewsOf(outageVisitor));
            return counted.get() >= outageAccepted.get();
          });
    } catch (AssertionError notYet) {
      // Show the numbers.
    }
    // Exact: nothing accepted is lost, and a retried write whose first attempt landed late is
    // recognised by its update id (kept for an hour) and not counted again.
    System.out.printf(
        "F1: outage visitor: %d batches accepted, %d pageviews counted%n",
        outageAccepted.get(), counted.get());
    assertThat(counted.get()).isEqualTo(outageAccepted.get());
    assertThat(eventBuffer.buffer().pending()).isZero();
  }

  @Test
  @Order(2)
  @DisplayName(
      "F2 Redis slowed by 300 ms: the profile timeout trips, decisions stay 200 within budget,"
          + " no thread starvation, personalisation returns")
  void f2SlowRedis() throws Exception {
    String fan = awaitShoeFan();
    Tally tally = new Tally();
    FaultRig.redisLink().delay(Duration.ofMillis(300));
    Runnable decisions = () -> tally.decision(decide("default", "home-hero", fan));
    Runnable events = () -> tally.events(pageviews("default", fan, "faults", 1));
    // More clients than the Redis pool has connections, so a pile-up would show.
    Traffic traffic =
        Traffic.run(decisions, decisions, decisions, decisions, decisions, decisions, events);
    Thread.sleep(8_000);
    // Requests that need no Redis are not starved by those waiting on it.
    long started = System.nanoTime();
    as(ADMIN).get(Api.SPACES).then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
    Duration unrelated = Duration.ofNanos(System.nanoTime() - started);
    traffic.stop();
    FaultRig.redisLink().delay(Duration.ZERO);

    System.out.println(tally.summary("F2"));
    assertThat(tally.decisionsNot200).hasValue(0);
    assertThat(tally.fallbacks.get()).as("the timeout tripped").isPositive();
    // A round trip through the slowed link takes 600 ms: half the decisions answering faster
    // shows they did not wait for Redis (the rest of the time is a busy CI machine).
    assertThat(tally.decisionMillis(0.5)).isLessThan(600);
    assertThat(unrelated).isLessThan(Duration.ofSeconds(5));
    assertThat(tally.eventsOther).hasValue(0);
    assertThat(tally.events503WithoutRetryAfter).hasValue(0);
    Eventually.until(RECOVERY, () -> shoeFan() != null);
  }

  @Test
  @Order(3)
  @DisplayName(
      "F3 the pub/sub connection is killed as another node publishes: this node catches up"
          + " through the change-marker poll within the poll interval")
  void f3PubSubDropped() throws SQLException {
    String space = DeliveryApi.newSpace(snapshots, false);
    String slot = publishedSlotWithTitle(space, "before");
    Eventually.until(RECOVERY, () -> "before".equals(titleOf(space, slot)));

    // Whether or not this node is subscribed at this moment (after F1's Redis restart it may not
    // be, see docs/security.md), a message sent now reaches no subscriber of this node.
    redisClient
        .send(Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub"))
        .await()
        .atMost(Duration.ofSeconds(5));
    // Another node's publish, as this node's database sees it: the content and its audit entry.
    long marker = otherNodePublishes(space, slot, "after");
    redisClient
        .send(Request.cmd(Command.PUBLISH).arg(SnapshotBroadcast.CHANNEL).arg(space))
        .await()
        .atMost(Duration.ofSeconds(5));

    // Poll interval 2 s; allow one more for a poll already running and the rebuild.
    Eventually.until(Duration.ofSeconds(5), () -> snapshots.generation(space) == marker);
    assertThat(titleOf(space, slot)).isEqualTo("after");
  }

  @Test
  @Order(4)
  @DisplayName(
      "F5 the content database gone for 16 s under load: delivery unaffected, admin API 503"
          + " problem+json, a publish meanwhile fails cleanly, all recovers without a restart")
  void f5DatabaseGoneUnderLoad() throws Exception {
    String space = DeliveryApi.newSpace(snapshots, false);
    String slot = draftSlotWithDefault(space, "waiting");
    String fan = awaitShoeFan();
    Tally tally = new Tally();
    Runnable decisions = () -> tally.decision(decide("default", "home-hero", fan));
    Runnable events =
        () -> {
          tally.events(pageviews("default", fan, "faults", 1));
          pause(5);
        };
    Traffic traffic = Traffic.run(decisions, decisions, decisions, events);
    long start = System.nanoTime();
    Thread.sleep(8_000);
    FaultRig.databaseLink().cut();
    Thread.sleep(1_000);

    Response admin = as(ADMIN).get(Api.SPACES);
    Response publish = as(PUBLISHER).post(Api.slots(space) + "/" + slot + "/publish");
    // The node stays in the load balancer: it serves from its snapshot.
    Response ready = given().get("/q/health/ready");
    Thread.sleep(15_000 - 1_000);
    FaultRig.databaseLink().restore();
    Eventually.until(RECOVERY, () -> as(ADMIN).get(Api.SPACES).statusCode() == 200);
    sleepUntil(start, RUN);
    traffic.stop();

    System.out.println(tally.summary("F5"));
    assertThat(tally.seconds()).isGreaterThanOrEqualTo(30);
    assertThat(tally.decisionsNot200).hasValue(0);
    assertThat(tally.eventsOther).hasValue(0);
    assertUnavailable(admin);
    assertUnavailable(publish);
    assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(200);
    // Nothing of the failed publish was written.
    assertThat(slotStatus(space, slot)).isEqualTo("draft");
    assertThat(auditActions(space, slot)).doesNotContain("publish");
    assertThat(snapshots.get(space).orElseThrow().slots()).doesNotContainKey(slot);
    // And the same publish simply works now.
    Fixtures.publish(Api.slots(space) + "/" + slot);
    Eventually.until(RECOVERY, () -> "waiting".equals(titleOf(space, slot)));
  }

  @Test
  @Order(5)
  @DisplayName(
      "F6 the database is cut while a publish transaction runs: the old snapshot stays, no audit"
          + " entry without its version, the retry succeeds")
  void f6DatabaseCutDuringPublish() throws Exception {
    String space = DeliveryApi.newSpace(snapshots, false);
    String slot = draftSlotWithDefault(space, "new");
    long generationBefore = snapshots.generation(space);

    // Every statement now takes at least 300 ms: the cut lands while the transaction runs.
    FaultRig.databaseLink().delay(Duration.ofMillis(150));
    CompletableFuture<Response> publish =
        CompletableFuture.supplyAsync(
            () -> as(PUBLISHER).post(Api.slots(space) + "/" + slot + "/publish"));
    Thread.sleep(700);
    assertThat(publish).as("the publish is still running when the database goes").isNotDone();
    FaultRig.databaseLink().cut();
    Response answer = publish.get(30, TimeUnit.SECONDS);
    FaultRig.databaseLink().delay(Duration.ZERO);
    FaultRig.databaseLink().restore();
    Eventually.until(RECOVERY, () -> as(ADMIN).get(Api.SPACES).statusCode() == 200);

    assertUnavailable(answer);
    assertThat(slotStatus(space, slot)).isEqualTo("draft");
    assertThat(auditActions(space, slot)).doesNotContain("publish");
    assertThat(snapshots.generation(space)).isEqualTo(generationBefore);
    assertThat(snapshots.get(space).orElseThrow().slots()).doesNotContainKey(slot);

    Fixtures.publish(Api.slots(space) + "/" + slot);
    assertThat(auditActions(space, slot)).containsOnlyOnce("publish");
    Eventually.until(RECOVERY, () -> "new".equals(titleOf(space, slot)));
  }

  @Test
  @Order(6)
  @DisplayName(
      "F9 a snapshot loader starting with the database down is not ready and holds no empty"
          + " snapshot until the database answers")
  void f9StartWithDatabaseDown() {
    SnapshotRegistry fresh = new SnapshotRegistry();
    SnapshotRefresher starting = new SnapshotRefresher(reader, compiler, fresh, gauges);
    SnapshotReadiness readiness = new SnapshotReadiness(fresh);
    FaultRig.databaseLink().cut();

    for (int poll = 0; poll < 3; poll++) {
      assertThat(loadOnce(starting)).as("a load against a dead database fails").isFalse();
      assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(fresh.loaded()).isFalse();
      assertThat(fresh.spaces()).as("nothing is served from an empty snapshot").isEmpty();
    }

    FaultRig.databaseLink().restore();
    Eventually.until(RECOVERY, () -> loadOnce(starting));
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(fresh.get("default")).isPresent();
    assertThat(fresh.get("default").orElseThrow().slots()).containsKey("home-hero");
  }

  @Test
  @Order(8)
  @DisplayName(
      "F11 the embedded database's disk is full: a publish fails with a clear error, delivery"
          + " goes on, publishing works again once there is room")
  void f11DiskFull() throws Exception {
    assumeFalse(FaultRig.postgres(), "the full disk is the embedded (H2) database's fault");
    String space = DeliveryApi.newSpace(snapshots, false);
    String slot = draftSlotWithDefault(space, "room");
    Response answer;
    try {
      FullDisk.fill();
      answer = as(PUBLISHER).post(Api.slots(space) + "/" + slot + "/publish");
      for (int i = 0; i < 20; i++) {
        decide("default", "home-hero", null).then().statusCode(200);
      }
    } finally {
      FullDisk.free();
    }

    System.out.println("F11: publish on a full disk answered " + answer.asString());
    assertThat(answer.statusCode()).isIn(503, 507);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.jsonPath().getString("detail")).containsIgnoringCase("disk");
    Eventually.until(
        RECOVERY,
        () -> as(PUBLISHER).post(Api.slots(space) + "/" + slot + "/publish").statusCode() == 200);
    Eventually.until(RECOVERY, () -> "room".equals(titleOf(space, slot)));
  }

  @Test
  @Order(7)
  @DisplayName(
      "F7 shutdown under event load: readiness turns false first, buffered events are flushed,"
          + " the count is exact")
  void f7ShutdownUnderEventLoad() throws Exception {
    String visitor = newVisitor();
    Tally tally = new Tally();
    AtomicLong accepted = new AtomicLong();
    // A stalled Redis: writes time out into the buffer, which shutdown must flush.
    FaultRig.redis().pause();
    Traffic traffic =
        Traffic.run(
            () -> {
              if (tally.events(pageviews("default", visitor, "faults", 1))) {
                accepted.incrementAndGet();
              }
            });
    Thread.sleep(3_000);
    assertThat(eventBuffer.buffer().pending()).as("events are waiting in the buffer").isPositive();

    // Quarkus's shutdown sequence, in its order: the pre-shutdown notification first ...
    AtomicReference<Boolean> notified = new AtomicReference<>(false);
    new io.quarkus.smallrye.health.runtime.ShutdownReadinessListener()
        .preShutdown(() -> notified.set(true));
    assertThat(notified.get()).isTrue();
    given().get("/q/health/ready").then().statusCode(503);
    traffic.stop();
    System.out.println(tally.summary("F7"));
    // ... then the shutdown observers, among them the event buffer's drain.
    FaultRig.redis().resume();
    int left = eventBuffer.buffer().drain(Duration.ofSeconds(20));

    assertThat(left).isZero();
    assertThat(tally.eventsOther).hasValue(0);
    assertThat(tally.events503WithoutRetryAfter).hasValue(0);
    // Exact: none lost, none counted twice.
    long counted = pageviewsOf(visitor);
    System.out.printf("F7: %d batches accepted, %d pageviews counted%n", accepted.get(), counted);
    assertThat(counted).isEqualTo(accepted.get());
    // Refused from now on, with a retry hint: never taken in and then lost.
    Response late = pageviews("default", visitor, "faults", 1);
    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(late.header("Retry-After")).isNotNull();
  }

  @Test
  @Order(9)
  @DisplayName(
      "P8 the logs of every fault above carry no visitor ids, cookie values, tokens, emails or"
          + " client addresses")
  void p8LogsDuringFaultsCarryNoPersonalData() {
    List<String> lines = logs.lines();
    assertThat(lines).as("the faults above did log (incidents, breaker, snapshot)").isNotEmpty();
    assertThat(Traffic.ISSUED).isNotEmpty();
    for (String line : lines) {
      for (String visitor : Traffic.ISSUED) {
        // The random part alone: a truncated or re-encoded id must not appear either.
        assertThat(line).doesNotContain(visitor.split("\\.")[1]);
      }
      assertThat(line)
          .doesNotContain(Traffic.CLIENT_ADDRESS, "bespoke_vid=", "Authorization")
          .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.")
          .doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}");
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static void assertUnavailable(Response answer) {
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.header("Retry-After")).isNotNull();
    assertThat(answer.asString()).doesNotContain("Exception", "at dev.bespoke", "jdbc:");
  }

  private boolean loadOnce(SnapshotRefresher refresher) {
    try {
      QuarkusTransaction.requiringNew().run(refresher::refreshChanged);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String awaitShoeFan() {
    AtomicReference<String> fan = new AtomicReference<>();
    Eventually.until(RECOVERY, () -> fan.updateAndGet(f -> f != null ? f : shoeFan()) != null);
    return fan.get();
  }

  private static long pageviewsOf(String visitor) {
    Response profile = as(ADMIN).get(Api.space("default") + "/profiles/" + visitor);
    if (profile.statusCode() != 200) {
      return -1;
    }
    Map<String, Map<String, Number>> counters = profile.jsonPath().getMap("counters");
    Map<String, Number> days = counters == null ? null : counters.get("pageview.category.faults");
    return days == null ? 0 : days.values().stream().mapToLong(Number::longValue).sum();
  }

  private static String titleOf(String space, String slot) {
    Response answer = decide(space, slot, null);
    return answer.statusCode() == 200
        ? answer.jsonPath().getString("decisions[0].variant.fields.title")
        : null;
  }

  /** A slot in draft with a published default variant: publishing the slot puts it live. */
  private static String draftSlotWithDefault(String space, String title) {
    String slot = Fixtures.create(Api.slots(space), Samples.slot("banner"));
    String variants = Api.variants(space, slot);
    Fixtures.publish(
        variants
            + "/"
            + Fixtures.create(
                variants,
                Samples.map(
                    "key",
                    "banner-default",
                    "name",
                    "Default",
                    "isDefault",
                    true,
                    "fields",
                    Map.of("title", title))));
    return slot;
  }

  private static String publishedSlotWithTitle(String space, String title) {
    String slot = draftSlotWithDefault(space, title);
    Fixtures.publish(Api.slots(space) + "/" + slot);
    return slot;
  }

  private static String slotStatus(String space, String slot) {
    return as(ADMIN)
        .get(Api.slots(space) + "/" + slot)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static List<String> auditActions(String space, String slot) {
    return as(ADMIN)
        .queryParam("entityType", "slot")
        .queryParam("entityKey", slot)
        .get(Api.audit(space))
        .then()
        .statusCode(200)
        .extract()
        .path("items.action");
  }

  /** What another node's publish leaves in the shared database: new content and a new marker. */
  private long otherNodePublishes(String space, String slot, String title) throws SQLException {
    try (Connection c = database.getConnection()) {
      try (PreparedStatement update =
          c.prepareStatement(
              "update variant set fields = ? where item_key = 'banner-default' and slot_id in"
                  + " (select id from slot where item_key = ? and space_id ="
                  + " (select id from space where item_key = ?))")) {
        update.setString(1, "{\"title\":\"" + title + "\"}");
        update.setString(2, slot);
        update.setString(3, space);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement audit =
          c.prepareStatement(
              "insert into audit_entry (space_key, entity_type, entity_key, action, actor,"
                  + " occurred_at, from_version, to_version) values (?, 'variant',"
                  + " 'banner-default', 'publish', 'other-node', current_timestamp, 1, 2)")) {
        audit.setString(1, space);
        audit.executeUpdate();
      }
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery("select max(id) from audit_entry where space_key = '" + space + "'")) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static void sleepUntil(long startNanos, Duration total) throws InterruptedException {
    long left = startNanos + total.toNanos() - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
