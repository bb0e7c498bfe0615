package dev.bespoke.server.profile.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the service against a {@code redis-server} of the test class's own, so the test may kill and
 * restart it without touching the Redis other tests share. The breaker retries after 500 ms
 * (instead of 5 s) so recovery shows within a short test.
 */
public class OwnRedisResource implements QuarkusTestResourceLifecycleManager {

  private static volatile RedisProcess server;

  /** The running server of the current test class. */
  public static RedisProcess server() {
    return server;
  }

  @Override
  public Map<String, String> start() {
    server = RedisProcess.start();
    return Map.of(
        "bespoke.profile.store", "redis",
        "quarkus.redis.hosts", server.url(),
        "bespoke.profile.breaker-delay", "500ms");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
