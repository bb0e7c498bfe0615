package dev.bespoke.server.bandit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts in Redis, one hash per bandit slot and one short-lived marker per rewarded decision, all
 * under the slot's hash tag so that they share a Redis Cluster slot:
 *
 * <pre>
 * bespoke:b:{space:slot}:n          HASH    t|context|variant and r|context|variant, HINCRBY
 * bespoke:b:{space:slot}:r:digest   STRING  set NX with the reward window as expiry
 * </pre>
 */
final class RedisBanditCounters implements BanditCounters {

  private static final String PREFIX = "bespoke:b:";

  private final Redis redis;

  RedisBanditCounters(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Uni<Void> trial(BanditKey key, String context, String variant) {
    return increment(key, BanditKey.trials(context, variant));
  }

  @Override
  public Uni<Boolean> reward(
      BanditKey key, String context, String variant, String decision, Duration window) {
    Request once =
        Request.cmd(Command.SET)
            .arg(tag(key) + ":r:" + decision)
            .arg("1")
            .arg("NX")
            .arg("PX")
            .arg(window.toMillis());
    return redis
        .send(once)
        .flatMap(
            answer ->
                answer == null
                    ? Uni.createFrom().item(false)
                    : increment(key, BanditKey.rewards(context, variant)).replaceWith(true));
  }

  @Override
  public Uni<Map<String, Long>> read(BanditKey key) {
    return redis
        .send(Request.cmd(Command.HGETALL).arg(counters(key)))
        .map(RedisBanditCounters::toMap);
  }

  @Override
  public String kind() {
    return "redis";
  }

  private Uni<Void> increment(BanditKey key, String field) {
    return redis
        .send(Request.cmd(Command.HINCRBY).arg(counters(key)).arg(field).arg(1))
        .replaceWithVoid();
  }

  private static Map<String, Long> toMap(Response hash) {
    Map<String, Long> fields = new HashMap<>();
    if (hash == null) {
      return fields;
    }
    // RESP3 answers HGETALL with a map, RESP2 with a flat list of field, value pairs.
    if (hash.isMap()) {
      for (String field : hash.getKeys()) {
        fields.put(field, hash.get(field).toLong());
      }
    } else {
      for (int i = 0; i + 1 < hash.size(); i += 2) {
        fields.put(hash.get(i).toString(), hash.get(i + 1).toLong());
      }
    }
    return fields;
  }

  private static String tag(BanditKey key) {
    return PREFIX + "{" + key.space() + ":" + key.slot() + "}";
  }

  private static String counters(BanditKey key) {
    return tag(key) + ":n";
  }
}
