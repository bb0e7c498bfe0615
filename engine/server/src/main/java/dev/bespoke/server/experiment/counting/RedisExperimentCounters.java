package dev.bespoke.server.experiment.counting;

import dev.bespoke.server.profile.store.redis.LuaScript;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters in Redis. Four keys per experiment run, all with the run's hash tag so that one Lua
 * script reads and writes them atomically, in Redis Cluster too:
 *
 * <pre>
 * bespoke:x:{space:experiment:run}:u   HASH  unit digest to the arm of its first exposure
 * bespoke:x:{space:experiment:run}:k   SET   unit digests that converted
 * bespoke:x:{space:experiment:run}:n   HASH  the counters (fields: see CounterValues), HINCRBY
 * bespoke:x:{space:experiment:run}:t   HASH  unit digest to the epoch ms of its first exposure
 * </pre>
 */
public final class RedisExperimentCounters implements ExperimentCounters {

  private static final String PREFIX = "bespoke:x:";
  private static final String SCRIPTS = "/dev/bespoke/server/experiment/counting/";
  private static final LuaScript EXPOSE = LuaScript.load(SCRIPTS + "expose.lua");
  private static final LuaScript CONVERT = LuaScript.load(SCRIPTS + "convert.lua");

  private final Redis redis;

  public RedisExperimentCounters(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Uni<Exposure> expose(CounterKey key, String unit, String arm, Moment at) {
    return EXPOSE
        .run(
            redis,
            List.of(units(key), counters(key), exposedAt(key)),
            List.of(
                unit,
                arm,
                at.day().toString(),
                Long.toString(at.bucket()),
                Long.toString(at.epochMillis())))
        .map(answer -> new Exposure(answer.get(0).toString(), answer.get(1).toInteger() == 1));
  }

  @Override
  public Uni<ConversionOutcome> convert(
      CounterKey key, String unit, Moment at, long minDelayMillis) {
    return CONVERT
        .run(
            redis,
            List.of(units(key), counters(key), converted(key), exposedAt(key)),
            List.of(
                unit,
                at.day().toString(),
                Long.toString(at.bucket()),
                Long.toString(at.epochMillis()),
                Long.toString(minDelayMillis)))
        .map(answer -> ConversionOutcome.valueOf(answer.toString()));
  }

  @Override
  public Uni<Void> setIfAbsent(CounterKey key, Map<String, Long> fields) {
    List<Request> requests = new ArrayList<>();
    fields.forEach(
        (field, value) ->
            requests.add(Request.cmd(Command.HSETNX).arg(counters(key)).arg(field).arg(value)));
    return requests.isEmpty()
        ? Uni.createFrom().voidItem()
        : redis.batch(requests).replaceWithVoid();
  }

  @Override
  public Uni<Void> remove(CounterKey key, Collection<String> fields) {
    if (fields.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Request hdel = Request.cmd(Command.HDEL).arg(counters(key));
    fields.forEach(hdel::arg);
    return redis.send(hdel).replaceWithVoid();
  }

  @Override
  public Uni<Void> exclude(CounterKey key, Exclusion reason) {
    return redis
        .send(Request.cmd(Command.HINCRBY).arg(counters(key)).arg(reason.field()).arg(1))
        .replaceWithVoid();
  }

  @Override
  public Uni<CounterValues> read(CounterKey key) {
    return redis
        .send(Request.cmd(Command.HGETALL).arg(counters(key)))
        .map(RedisExperimentCounters::values);
  }

  @Override
  public Uni<Void> expire(CounterKey key, Duration ttl) {
    List<Request> requests =
        List.of(units(key), converted(key), counters(key), exposedAt(key)).stream()
            .map(k -> Request.cmd(Command.EXPIRE).arg(k).arg(Math.max(1, ttl.toSeconds())))
            .toList();
    return redis.batch(requests).replaceWithVoid();
  }

  @Override
  public String kind() {
    return "redis";
  }

  private static CounterValues values(Response hash) {
    Map<String, Long> fields = new HashMap<>();
    if (hash == null) {
      return CounterValues.EMPTY;
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
    return new CounterValues(fields);
  }

  static String units(CounterKey key) {
    return PREFIX + key.tag() + ":u";
  }

  static String converted(CounterKey key) {
    return PREFIX + key.tag() + ":k";
  }

  static String exposedAt(CounterKey key) {
    return PREFIX + key.tag() + ":t";
  }

  static String counters(CounterKey key) {
    return PREFIX + key.tag() + ":n";
  }
}
