package dev.bespoke.server.bandit;

import dev.bespoke.server.profile.ProfileConfig;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Bandit counts live where profiles and experiment counters live, for the same reason. */
public class BanditCounterStores {

  @Produces
  @Singleton
  BanditCounters counters(ProfileConfig profiles, Instance<Redis> redis, Clock clock) {
    return switch (profiles.store()) {
      case REDIS -> new RedisBanditCounters(redis.get());
      case MEMORY -> new MemoryBanditCounters(clock);
    };
  }
}
