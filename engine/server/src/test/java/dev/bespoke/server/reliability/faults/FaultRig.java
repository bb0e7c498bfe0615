package dev.bespoke.server.reliability.faults;

import dev.bespoke.server.profile.testsupport.RedisProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;

/**
 * The service wired to backing services a test may break: its own {@code redis-server} and the
 * content database, each reached through a {@link TcpProxy} the test can slow down or cut. The
 * shared PostgreSQL and Redis of the CI job are never stopped: cutting the proxy is, from the
 * service's side, the database going away.
 *
 * <p>On the embedded pass the database is an H2 file database served over TCP from this JVM, on a
 * {@link FullDisk} file system so a test can fill the disk. On the PostgreSQL pass it is the job's
 * PostgreSQL behind the proxy.
 */
public class FaultRig implements QuarkusTestResourceLifecycleManager {

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+)(?::(\\d+))?/");

  private static volatile RedisProcess redis;
  private static volatile TcpProxy redisLink;
  private static volatile TcpProxy databaseLink;
  private static volatile Server h2;
  private static volatile Path h2Dir;

  static RedisProcess redis() {
    return redis;
  }

  /** The link between the service and its Redis. */
  static TcpProxy redisLink() {
    return redisLink;
  }

  /** The link between the service and its content database. */
  static TcpProxy databaseLink() {
    return databaseLink;
  }

  /** Whether this is the PostgreSQL pass (else H2 on a disk the test can fill). */
  static boolean postgres() {
    return System.getProperty("quarkus.test.profile", "test").contains("pg");
  }

  @Override
  public Map<String, String> start() {
    redis = RedisProcess.start();
    redisLink = TcpProxy.to("127.0.0.1", redis.port());
    Map<String, String> config = new HashMap<>();
    config.put("bespoke.profile.store", "redis");
    config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + redisLink.port());
    config.put("bespoke.profile.breaker-delay", "500ms");
    // The production budgets, not the test profile's generous ones: a 300 ms Redis must trip them.
    config.put("bespoke.profile.timeout", "PT0.1S");
    config.put("bespoke.experiments.counter-timeout", "PT0.2S");
    // Admin requests meeting a dead database fail within a couple of seconds.
    config.put("quarkus.datasource.jdbc.acquisition-timeout", "2S");
    config.put("quarkus.datasource.jdbc.url", postgres() ? postgresUrl() : h2Url());
    return config;
  }

  @Override
  public void stop() {
    if (databaseLink != null) {
      databaseLink.close();
    }
    if (redisLink != null) {
      redisLink.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (h2 != null) {
      h2.stop();
    }
    FullDisk.free();
  }

  private static String postgresUrl() {
    String url =
        System.getProperty("bespoke.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/bespoke_ci");
    Matcher m = HOST_PORT.matcher(url);
    if (!m.find()) {
      throw new IllegalStateException("cannot read host and port from " + url);
    }
    int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
    databaseLink = TcpProxy.to(m.group(1), port);
    return m.replaceFirst("//127.0.0.1:" + databaseLink.port() + "/");
  }

  private static String h2Url() {
    try {
      FullDisk.register();
      h2Dir = Files.createTempDirectory("bespoke-faults-h2");
      h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-tcpDaemon").start();
      databaseLink = TcpProxy.to("127.0.0.1", h2.getPort());
      return "jdbc:h2:tcp://127.0.0.1:"
          + databaseLink.port()
          + "/"
          + FullDisk.SCHEME
          + ":"
          + h2Dir.resolve("bespoke").toAbsolutePath()
          // As the embedded default in application.properties: acknowledged only once on disk.
          + ";WRITE_DELAY=0";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start the H2 TCP server", e);
    }
  }
}
