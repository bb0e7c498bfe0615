package dev.bespoke.server.profile.store.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.store.CustomerTraits;
import dev.bespoke.server.profile.store.ProfileLookup;
import dev.bespoke.server.profile.store.ProfileStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles in Redis through the Vert.x client: every command is asynchronous, so a slow or stopped
 * Redis holds no thread, only a pending command (which {@code ProfileGateway} bounds). Reads are
 * one pipelined round trip ({@code HGETALL} and the tombstone's {@code EXISTS}); writes are one Lua
 * script each, atomic per visitor.
 */
public final class RedisProfileStore implements ProfileStore {

  /**
   * Customers written at once during an import: enough to keep the connection busy, few enough that
   * the client's own queue of waiting commands never overflows.
   */
  static final int IMPORT_CONCURRENCY = 8;

  private static final LuaScript APPLY = LuaScript.load("profile-apply.lua");
  private static final LuaScript ERASE = LuaScript.load("erase.lua");
  private static final LuaScript REPLACE_TRAITS = LuaScript.load("traits-replace.lua");

  private final Redis redis;
  private final ProfileSettings settings;
  private final UpdateEncoder encoder;
  private final ProfileDecoder decoder;

  public RedisProfileStore(Redis redis, ProfileSettings settings, ObjectMapper json) {
    this.redis = redis;
    this.settings = settings;
    this.encoder = new UpdateEncoder(json);
    this.decoder = new ProfileDecoder(json);
  }

  @Override
  public Uni<ProfileLookup> read(ProfileKey key) {
    List<Request> requests =
        List.of(
            Request.cmd(Command.HGETALL).arg(RedisKeys.profile(key)),
            Request.cmd(Command.EXISTS).arg(RedisKeys.tombstone(key)));
    return redis
        .batch(requests)
        .map(
            answers -> {
              if (answers.get(1).toLong() > 0) {
                return ProfileLookup.ERASED;
              }
              Map<String, String> hash = hash(answers.get(0));
              return hash.isEmpty()
                  ? ProfileLookup.ABSENT
                  : ProfileLookup.of(decoder.decode(key.id(), hash));
            });
  }

  @Override
  public Uni<WriteOutcome> apply(ProfileKey key, ProfileUpdate update) {
    List<String> keys =
        new ArrayList<>(
            List.of(RedisKeys.profile(key), RedisKeys.tombstone(key), RedisKeys.updateIds(key)));
    keys.addAll(RedisKeys.recencyKeys(key));
    return APPLY
        .run(redis, keys, encoder.arguments(update, settings))
        .map(answer -> outcome(answer.toString()));
  }

  private static WriteOutcome outcome(String answer) {
    return switch (answer) {
      case "applied" -> WriteOutcome.APPLIED;
      case "duplicate" -> WriteOutcome.DUPLICATE;
      case "erased" -> WriteOutcome.ERASED;
      case "no-consent" -> WriteOutcome.NO_CONSENT;
      default -> throw new IllegalStateException("unexpected answer from profile-apply.lua");
    };
  }

  @Override
  public Uni<Void> delete(ProfileKey key) {
    // The update ids stay, so that a retried write is still recognised after a login merge.
    Request del = Request.cmd(Command.DEL).arg(RedisKeys.profile(key));
    RedisKeys.recencyKeys(key).forEach(del::arg);
    return redis.send(del).replaceWithVoid();
  }

  @Override
  public Uni<Void> erase(ProfileKey key) {
    List<String> keys = new ArrayList<>();
    keys.add(RedisKeys.tombstone(key));
    keys.addAll(RedisKeys.dataKeys(key));
    return ERASE
        .run(redis, keys, List.of(Long.toString(settings.ttl().toMillis())))
        .replaceWithVoid();
  }

  @Override
  public Uni<Boolean> isErased(ProfileKey key) {
    return redis
        .send(Request.cmd(Command.EXISTS).arg(RedisKeys.tombstone(key)))
        .map(r -> r.toLong() > 0);
  }

  @Override
  public Uni<Map<String, Object>> customerTraits(String space, String customerId) {
    ProfileKey key = ProfileKey.customer(space, customerId);
    return redis
        .send(Request.cmd(Command.HGETALL).arg(RedisKeys.customerTraits(key)))
        .map(r -> decoder.traits(hash(r)));
  }

  @Override
  public Uni<Integer> replaceCustomerTraits(String space, List<CustomerTraits> customers) {
    // One script per customer rather than one batch: in Redis Cluster the customers live in
    // different slots, and each replacement only needs to be atomic for its own customer.
    return Multi.createFrom()
        .iterable(customers)
        .onItem()
        .transformToUni(c -> replace(space, c))
        .merge(IMPORT_CONCURRENCY)
        .collect()
        .with(java.util.stream.Collectors.summingInt(Integer::intValue));
  }

  private Uni<Integer> replace(String space, CustomerTraits customer) {
    ProfileKey key = ProfileKey.customer(space, customer.customerId());
    List<String> args = new ArrayList<>();
    args.add(Long.toString(settings.ttl().toMillis()));
    customer
        .traits()
        .forEach(
            (name, value) -> {
              args.add(name);
              args.add(encoder.toJson(value));
            });
    return REPLACE_TRAITS
        .run(redis, List.of(RedisKeys.customerTraits(key), RedisKeys.tombstone(key)), args)
        .map(Response::toInteger);
  }

  @Override
  public String kind() {
    return "redis";
  }

  /** A hash reply as a map, whether the connection speaks RESP2 (a flat list) or RESP3 (a map). */
  static Map<String, String> hash(Response reply) {
    Map<String, String> hash = new HashMap<>();
    if (reply == null) {
      return hash;
    }
    if (reply.isMap()) {
      for (String field : reply.getKeys()) {
        hash.put(field, reply.get(field).toString());
      }
      return hash;
    }
    for (int i = 0; i + 1 < reply.size(); i += 2) {
      hash.put(reply.get(i).toString(), reply.get(i + 1).toString());
    }
    return hash;
  }
}
