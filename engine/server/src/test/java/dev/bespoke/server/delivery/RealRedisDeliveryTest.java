package dev.bespoke.server.delivery;

import static dev.bespoke.server.delivery.Visitors.decide;
import static dev.bespoke.server.delivery.Visitors.pageviews;
import static dev.bespoke.server.delivery.Visitors.request;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.testsupport.DeliveryApi;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.profile.testsupport.OwnRedisResource;
import dev.bespoke.server.profile.testsupport.RedisProcess;
import dev.bespoke.server.snapshot.SnapshotBroadcast;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Delivery on a real {@code redis-server} that this class starts, kills and restarts: decisions
 * never fail while it is gone, personalisation comes back by itself, and an erased visitor leaves
 * nothing behind in Redis or in the database.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnRedisResource.class, restrictToAnnotatedClass = true)
class RealRedisDeliveryTest {

  private static final Duration RECOVERY = Duration.ofSeconds(20);

  private static Vertx vertx;
  private static Redis redis;

  @Inject AgroalDataSource database;
  @Inject SnapshotRegistry snapshots;
  @Inject MeterRegistry meters;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    redis = OwnRedisResource.server().client(vertx);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
    vertx.closeAndAwait();
  }

  @Test
  void killingRedisUnderLoadNeverFailsARequestAndPersonalisationComesBackByItself()
      throws Exception {
    RedisProcess server = OwnRedisResource.server();
    String fan = shoeFan();

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean redisDown = new AtomicBoolean(false);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger non200 = new AtomicInteger();
    AtomicInteger fallbacks = new AtomicInteger();
    AtomicInteger personalisedWhileDown = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> load = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      load.add(
          clients.submit(
              () -> {
                while (running.get()) {
                  boolean down = redisDown.get();
                  Response answer = decide(heroRequest(fan));
                  sent.incrementAndGet();
                  if (answer.statusCode() != 200) {
                    non200.incrementAndGet();
                    continue;
                  }
                  boolean fallback = answer.jsonPath().getBoolean("decisions[0].fallback");
                  String variant = answer.jsonPath().getString("decisions[0].variant.key");
                  if (fallback) {
                    fallbacks.incrementAndGet();
                  }
                  // Without the profile nobody can know this visitor read about shoes.
                  if (down && fallback && "shoe-fan-running".equals(variant)) {
                    personalisedWhileDown.incrementAndGet();
                  }
                }
              }));
    }
    Thread.sleep(1_500);
    redisDown.set(true);
    server.kill();
    Thread.sleep(3_000);
    int sentWhileDown = sent.get();
    server.restart();
    redisDown.set(false);

    // The restarted Redis is empty (no persistence): a new shoe fan shows personalisation is back.
    Eventually.until(
        RECOVERY,
        () -> {
          try {
            String again = shoeFan();
            return again != null;
          } catch (AssertionError notYet) {
            return false;
          }
        });
    running.set(false);
    for (Future<?> f : load) {
      f.get(30, TimeUnit.SECONDS);
    }
    clients.shutdown();

    System.out.printf(
        "redis outage over HTTP: %d requests sent, %d non-200 answers, %d fallbacks%n",
        sent.get(), non200.get(), fallbacks.get());
    assertThat(non200.get()).isZero();
    assertThat(sentWhileDown).isPositive();
    assertThat(fallbacks.get()).isPositive();
    assertThat(personalisedWhileDown.get()).isZero();
  }

  @DisplayName(
      "P4 erasure: SCAN of Redis and every text column of the database find nothing of the visitor")
  @Test
  void anErasedVisitorLeavesNoTraceInRedisOrInTheDatabase() throws SQLException {
    String visitor = shoeFan();
    given()
        .contentType(ContentType.JSON)
        .queryParam("visitorId", visitor)
        .body(Map.of("traits", Map.of("preferredCategory", "running")))
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "space",
                "default",
                "visitorId",
                visitor,
                "events",
                List.of(Map.of("type", "conversion", "goal", "purchase", "value", 10))))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    String unique = uniquePart(visitor);
    assertThat(RedisProcess.scan(redis, "*" + unique + "*")).isNotEmpty();

    given().queryParam("visitorId", visitor).delete("/api/v1/me").then().statusCode(204);

    List<String> left = RedisProcess.scan(redis, "*" + unique + "*");
    assertThat(left)
        .as("only the tombstone that keeps the old id dead")
        .allMatch(k -> k.endsWith(":erased"));
    for (String tombstone : left) {
      String value =
          redis
              .send(Request.cmd(Command.GET).arg(tombstone))
              .await()
              .atMost(Duration.ofSeconds(5))
              .toString();
      assertThat(value)
          .as("a tombstone holds no data")
          .doesNotContain("shoes", "running", "purchase");
    }
    assertThat(rowsNaming(unique)).isEmpty();
    as(ADMIN).get("/api/v1/admin/spaces/default/profiles/" + visitor).then().statusCode(404);
  }

  @DisplayName(
      "P1 first visit without consent: no visitor cookie, no Redis key; both only after consent")
  @Test
  void whereConsentIsRequiredThereIsNoCookieAndNoRedisKeyBeforeConsentAndBothAfter() {
    String space = DeliveryApi.newSpace(snapshots, true);
    String slot = Fixtures.create(Api.slots(space), Samples.slot("banner"));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    String variants = Api.variants(space, slot);
    Fixtures.publish(
        variants
            + "/"
            + Fixtures.create(
                variants, Samples.with(Samples.variant("banner-default"), "isDefault", true)));
    Map<String, Object> body =
        Samples.map("space", space, "channel", "web", "slots", List.of(slot));
    Eventually.until(RECOVERY, () -> decide(body).statusCode() == 200);

    Response before = decide(body);
    before.then().statusCode(200);
    assertThat(before.getHeaders().getValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("bespoke_vid"));
    String unconsented = before.jsonPath().getString("visitorId");
    if (unconsented != null) {
      DeliveryApi.post(space, unconsented, List.of(DeliveryApi.pageview("shoes")));
      assertThat(RedisProcess.scan(redis, "*" + uniquePart(unconsented) + "*")).isEmpty();
    }
    assertThat(RedisProcess.scan(redis, "*{" + space + ":*")).isEmpty();

    Map<String, Object> consenting = new java.util.HashMap<>(body);
    consenting.put("consent", Map.of("personalization", true, "analytics", true));
    Response after = decide(consenting);
    after.then().statusCode(200);
    String visitor = after.jsonPath().getString("visitorId");
    assertThat(after.getHeaders().getValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("bespoke_vid=" + visitor));
    given()
        .contentType(ContentType.JSON)
        .cookie("bespoke_consent", "personalization:1,analytics:1")
        .body(DeliveryApi.batch(space, visitor, List.of(DeliveryApi.pageview("shoes"))))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    assertThat(RedisProcess.scan(redis, "*" + uniquePart(visitor) + "*")).isNotEmpty();
  }

  @Test
  void aSnapshotMessageOnRedisRebuildsTheSpaceEvenWhenNoChangeMarkerMoved() throws SQLException {
    String space = DeliveryApi.newSpace(snapshots, false);
    String slot = Fixtures.create(Api.slots(space), Samples.slot("banner"));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    String variants = Api.variants(space, slot);
    publishDefaultVariant(variants, "before");
    Map<String, Object> body =
        Samples.map("space", space, "channel", "web", "slots", List.of(slot));
    Eventually.until(RECOVERY, () -> "before".equals(titleOf(body)));

    // Another node's change, as this node's database sees it, without an audit entry: the
    // version poll cannot notice it, only the message can.
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      int changed =
          s.executeUpdate(
              "update variant set fields = '{\"title\":\"after\"}' where item_key = 'banner-default'"
                  + " and slot_id in (select id from slot where item_key = 'banner' and space_id ="
                  + " (select id from space where item_key = '"
                  + space
                  + "'))");
      assertThat(changed).isEqualTo(1);
    }
    redis
        .send(Request.cmd(Command.PUBLISH).arg(SnapshotBroadcast.CHANNEL).arg(space))
        .await()
        .atMost(Duration.ofSeconds(5));
    Eventually.until(RECOVERY, () -> "after".equals(titleOf(body)));
  }

  @Test
  void aPublishRebuildsThePublishingNodeOnceNotAgainOnItsOwnMessage() throws InterruptedException {
    String space = DeliveryApi.newSpace(snapshots, false);
    String slot = Fixtures.create(Api.slots(space), Samples.slot("banner"));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    String variants = Api.variants(space, slot);
    Map<String, Object> body =
        Samples.map("space", space, "channel", "web", "slots", List.of(slot));

    // The channel works: a message from elsewhere rebuilds the space once.
    long before = rebuilds();
    redis
        .send(Request.cmd(Command.PUBLISH).arg(SnapshotBroadcast.CHANNEL).arg(space))
        .await()
        .atMost(Duration.ofSeconds(5));
    Eventually.until(RECOVERY, () -> rebuilds() == before + 1);

    String draft = createDefaultVariant(variants, "published");
    Thread.sleep(500);
    long atPublish = rebuilds();
    Fixtures.publish(variants + "/" + draft);
    // The publishing node serves the change as the call returns, from its one rebuild…
    assertThat(titleOf(body)).isEqualTo("published");
    // …and its own message, heard a moment later, does not make it rebuild again.
    Thread.sleep(1_500);
    assertThat(rebuilds() - atPublish).isEqualTo(1);
  }

  /** Creates and publishes the slot's default variant {@code banner-default} with a title. */
  private static void publishDefaultVariant(String variants, String title) {
    Fixtures.publish(variants + "/" + createDefaultVariant(variants, title));
  }

  /** Creates the slot's default variant {@code banner-default} as a draft; answers its key. */
  private static String createDefaultVariant(String variants, String title) {
    return Fixtures.create(
        variants,
        Samples.map(
            "key",
            "banner-default",
            "name",
            "Default",
            "isDefault",
            true,
            "fields",
            Map.of("title", title)));
  }

  private long rebuilds() {
    return meters.find("bespoke.snapshot.rebuild").timers().stream().mapToLong(Timer::count).sum();
  }

  private static String titleOf(Map<String, Object> body) {
    Response answer = decide(body);
    return answer.statusCode() == 200
        ? answer.jsonPath().getString("decisions[0].variant.fields.title")
        : null;
  }

  /** A new visitor who viewed three shoe pages and is now shown the shoe offer. */
  private static String shoeFan() {
    String visitor = decide(request("web", List.of("home-hero"))).jsonPath().getString("visitorId");
    pageviews(visitor, "shoes", 3);
    Response answer = decide(heroRequest(visitor));
    assertThat(answer.jsonPath().getString("decisions[0].variant.key"))
        .isEqualTo("shoe-fan-running");
    return visitor;
  }

  private static Map<String, Object> heroRequest(String visitor) {
    Map<String, Object> body = request("web", List.of("home-hero"));
    body.put("visitorId", visitor);
    return body;
  }

  /** The random part of a signed visitor id ({@code v1.<random>.<signature>}). */
  private static String uniquePart(String visitorId) {
    String[] parts = visitorId.split("\\.");
    return parts.length >= 2 ? parts[1] : visitorId;
  }

  /** Every text column of every table of the schema, searched for the string. */
  private List<String> rowsNaming(String needle) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "select table_name, column_name, data_type from information_schema.columns"
                  + " where lower(table_schema) = 'public'")) {
        while (r.next()) {
          String type = r.getString(3).toLowerCase(Locale.ROOT);
          if (type.contains("char")
              || type.contains("text")
              || type.contains("clob")
              || type.contains("json")
              || type.contains("large object")) {
            columns.add(new String[] {r.getString(1), r.getString(2)});
          }
        }
      }
      assertThat(columns).as("the schema has text columns to search").isNotEmpty();
      for (String[] column : columns) {
        String sql =
            "select count(*) from \""
                + column[0]
                + "\" where cast(\""
                + column[1]
                + "\" as varchar(1000000)) like '%"
                + needle.replace("'", "''")
                + "%'";
        try (ResultSet r = s.executeQuery(sql)) {
          r.next();
          if (r.getLong(1) > 0) {
            found.add(column[0] + "." + column[1]);
          }
        }
      }
    }
    return found;
  }
}
