package dev.bespoke.server.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.store.redis.RedisKeys;
import dev.bespoke.server.profile.store.redis.RedisProfileStore;
import dev.bespoke.server.profile.testsupport.RedisProcess;
import dev.bespoke.server.profile.testsupport.Updates;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The store contract against a real Redis of this test's own, plus what only Redis can show. */
class RedisProfileStoreTest extends ProfileStoreContract {

  private static RedisProcess server;
  private static Vertx vertx;
  private static Redis redis;

  @BeforeAll
  static void startRedis() {
    server = RedisProcess.start();
    vertx = Vertx.vertx();
    redis = server.client(vertx);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
    vertx.closeAndAwait();
    server.close();
  }

  @Override
  protected ProfileStore newStore(ProfileSettings settings) {
    return new RedisProfileStore(redis, settings, new ObjectMapper());
  }

  @Override
  protected void passTime(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void erasureLeavesNothingButTheTombstone() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    assertThat(RedisProcess.scan(redis, "*" + v.id() + "*"))
        .containsExactlyInAnyOrder(
            RedisKeys.profile(v),
            RedisKeys.updateIds(v),
            RedisKeys.scoreRecency(v),
            RedisKeys.bucketRecency(v, "pageview"));

    store.erase(v).await().atMost(WAIT);

    assertThat(RedisProcess.scan(redis, "*" + v.id() + "*"))
        .containsExactly("bespoke:{contract:" + v.id() + "}:erased");
  }

  @Test
  void customerErasureLeavesNothingButTheTombstone() {
    String id = newCustomerId();
    ProfileKey customer = ProfileKey.customer(SPACE, id);
    store
        .replaceCustomerTraits(SPACE, List.of(new CustomerTraits(id, Map.of("tier", "gold"))))
        .await()
        .atMost(WAIT);
    apply(customer, Updates.pageview(T0, "shoes"));
    assertThat(RedisProcess.scan(redis, "*" + id + "*"))
        .containsExactlyInAnyOrder(
            RedisKeys.profile(customer),
            RedisKeys.updateIds(customer),
            RedisKeys.scoreRecency(customer),
            RedisKeys.bucketRecency(customer, "pageview"),
            RedisKeys.customerTraits(customer));

    store.erase(customer).await().atMost(WAIT);

    assertThat(RedisProcess.scan(redis, "*" + id + "*"))
        .containsExactly("bespoke:{contract:c:" + id + "}:erased");
  }

  @Test
  void aVisitorsKeysShareOneHashTag() {
    ProfileKey v = ProfileKey.visitor("shop", "v1.abc.def");
    assertThat(RedisKeys.profile(v)).isEqualTo("bespoke:{shop:v1.abc.def}:p");
    assertThat(RedisKeys.tombstone(v)).isEqualTo("bespoke:{shop:v1.abc.def}:erased");
    ProfileKey c = ProfileKey.customer("shop", "42");
    assertThat(RedisKeys.customerTraits(c)).isEqualTo("bespoke:{shop:c:42}:traits");
  }

  @Test
  void theHashHoldsOneFieldPerDayBucketAndTheTtlIsSet() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    String key = RedisKeys.profile(v);

    Map<String, String> hash = hgetall(key);
    assertThat(hash)
        .containsEntry("b:pageview.category.shoes:2026-11-24", "1")
        .containsEntry("n", "1")
        .containsKey("s:category.shoes");
    long ttl = redis.send(Request.cmd(Command.PTTL).arg(key)).await().atMost(WAIT).toLong();
    assertThat(ttl).isBetween(Duration.ofDays(89).toMillis(), Duration.ofDays(90).toMillis());
  }

  @DisplayName("the hash per visitor stays bounded: one field per kept bucket and score, no more")
  @Test
  void theHashStaysWithinTheCaps() {
    store = newStore(ProfileSettings.DEFAULTS.withCaps(SMALL));
    ProfileKey v = newVisitor();
    for (int i = 0; i < 200; i++) {
      apply(
          v,
          Updates.at(T0.plusSeconds(i))
              .pageview()
              .count("pageview.category." + value(i))
              .count("click.id." + value(i))
              .score("category." + value(i))
              .build());
    }
    Map<String, String> hash = hgetall(RedisKeys.profile(v));
    long buckets = hash.keySet().stream().filter(f -> f.startsWith("b:")).count();
    long scores = hash.keySet().stream().filter(f -> f.startsWith("s:")).count();
    assertThat(buckets).isEqualTo(SMALL.counters());
    assertThat(scores).isEqualTo(SMALL.scores());
    assertThat(hash).as("besides buckets and scores only the visit scalars").hasSize(30 + 25 + 5);
    assertThat(
            zcard(RedisKeys.bucketRecency(v, "pageview"))
                + zcard(RedisKeys.bucketRecency(v, "click")))
        .as("the indexes name exactly the kept buckets")
        .isEqualTo(buckets);
    assertThat(zcard(RedisKeys.scoreRecency(v))).isEqualTo(scores);
    for (String index : RedisKeys.recencyKeys(v)) {
      long ttl = redis.send(Request.cmd(Command.PTTL).arg(index)).await().atMost(WAIT).toLong();
      assertThat(ttl == -2 || ttl > Duration.ofDays(89).toMillis())
          .as("%s is absent or expires with the profile (PTTL %d)", index, ttl)
          .isTrue();
    }
  }

  @Test
  void aWriteRefusedForConsentCreatesNoKey() {
    ProfileKey v = newVisitor();
    apply(v, Updates.at(T0).pageview().gate(ConsentGate.GRANTED).build());
    assertThat(RedisProcess.scan(redis, "*" + v.id() + "*")).isEmpty();
  }

  @Test
  void theScriptsAreSentAgainAfterRedisForgotThem() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    redis.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(WAIT);
    apply(v, Updates.pageview(T0, "shoes"));
    assertThat(read(v).total("pageview.category.shoes")).isEqualTo(2);
  }

  private static long zcard(String key) {
    return redis.send(Request.cmd(Command.ZCARD).arg(key)).await().atMost(WAIT).toLong();
  }

  /** HGETALL as a map, for looking at the layout. */
  private static Map<String, String> hgetall(String key) {
    Response reply = redis.send(Request.cmd(Command.HGETALL).arg(key)).await().atMost(WAIT);
    Map<String, String> map = new HashMap<>();
    if (reply.isMap()) {
      reply.getKeys().forEach(k -> map.put(k, reply.get(k).toString()));
    } else {
      for (int i = 0; i + 1 < reply.size(); i += 2) {
        map.put(reply.get(i).toString(), reply.get(i + 1).toString());
      }
    }
    return map;
  }
}
