package dev.bespoke.server.experiment.counting;

import dev.bespoke.server.profile.ProfileConfig;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Counters live where profiles live ({@code bespoke.profile.store}): a deployment that shares
 * profiles across nodes through Redis must share counts the same way, or each node would count its
 * own visitors once and the same visitor again on another node.
 */
public class ExperimentCounterStores {

  private static final Logger LOG = Logger.getLogger(ExperimentCounterStores.class);

  @Produces
  @Singleton
  ExperimentCounters counters(ProfileConfig profiles, Instance<Redis> redis, Clock clock) {
    ExperimentCounters counters =
        switch (profiles.store()) {
          case REDIS -> new RedisExperimentCounters(redis.get());
          case MEMORY -> new MemoryExperimentCounters(clock);
        };
    LOG.infof("experiment counters are kept in the %s store", counters.kind());
    return counters;
  }
}
