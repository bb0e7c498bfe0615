package dev.bespoke.server.profile.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.server.profile.store.memory.MemoryProfileStore;
import dev.bespoke.server.profile.store.redis.RedisProfileStore;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Picks the profile store from {@code bespoke.profile.store}. The Redis client is looked up only
 * when Redis is chosen: with the embedded default no {@code quarkus.redis.hosts} is needed and the
 * client is never created.
 */
public class ProfileStores {

  private static final Logger LOG = Logger.getLogger(ProfileStores.class);

  @Produces
  @Singleton
  ProfileStore store(
      ProfileConfig config,
      Instance<Redis> redis,
      ObjectMapper json,
      Clock clock,
      Scheduler scheduler) {
    ProfileStore store =
        switch (config.store()) {
          case REDIS -> new RedisProfileStore(redis.get(), config.settings(), json);
          case MEMORY -> memory(config, clock, scheduler);
        };
    LOG.infof("visitor profiles are kept in the %s store", store.kind());
    return store;
  }

  /**
   * Builds the settings once at start-up, so that a cap below one or a per-event cap above the
   * profile's stops the node before its first visitor rather than on the first profile write.
   */
  void checkSettings(@Observes StartupEvent started, ProfileConfig config) {
    LOG.debugf("visitor profiles are capped at %s", config.settings().caps());
  }

  private static MemoryProfileStore memory(ProfileConfig config, Clock clock, Scheduler scheduler) {
    MemoryProfileStore store = new MemoryProfileStore(config.settings(), clock);
    scheduler
        .newJob("bespoke-profile-sweep")
        .setInterval(Math.max(1, config.sweepInterval().toSeconds()) + "s")
        .setTask(execution -> store.sweep())
        .schedule();
    return store;
  }
}
