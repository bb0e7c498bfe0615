package dev.bespoke.server.scaleout;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.h2.tools.Server;

/**
 * The content database every node of a test shares, in the pass the build runs: PostgreSQL under
 * {@code -Ppostgresql} (the jar is then built for it), otherwise an H2 TCP server run by the test,
 * the way separate JVMs can share one H2 database.
 */
final class SharedDatabase implements AutoCloseable {

  private final String jdbcUrl;
  private final boolean postgres;
  private final Server h2;

  private SharedDatabase(String jdbcUrl, boolean postgres, Server h2) {
    this.jdbcUrl = jdbcUrl;
    this.postgres = postgres;
    this.h2 = h2;
  }

  /** The database of this build's pass, told by the Quarkus test profiles it runs with. */
  static SharedDatabase forThisPass(Path dir) {
    String profiles = System.getProperty("bespoke.test.profile", "test");
    if (Arrays.asList(profiles.split(",")).contains("pg")) {
      return new SharedDatabase(System.getProperty("bespoke.test.jdbc-url"), true, null);
    }
    return h2Server(dir);
  }

  private static SharedDatabase h2Server(Path dir) {
    int port = FreePorts.next();
    try {
      // -ifNotExists lets the first node create the database; the server accepts loopback only.
      Server server =
          Server.createTcpServer(
                  "-tcpPort", "" + port, "-ifNotExists", "-baseDir", dir.resolve("h2").toString())
              .start();
      return new SharedDatabase("jdbc:h2:tcp://127.0.0.1:" + port + "/bespoke", false, server);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start the H2 TCP server", e);
    }
  }

  /**
   * The Quarkus profile a node runs with: the one its jar was built for (README, "Run on PostgreSQL
   * and Redis"), or the packaged default.
   */
  String runtimeProfile() {
    return postgres ? "pg" : "prod";
  }

  String kind() {
    return postgres ? "PostgreSQL" : "H2 (TCP server)";
  }

  /** The node's {@code quarkus.datasource.*} settings, as system properties. */
  List<String> nodeProperties() {
    return List.of(
        "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
        "-Dquarkus.datasource.username=bespoke",
        "-Dquarkus.datasource.password=bespoke");
  }

  @Override
  public void close() {
    if (h2 != null) {
      h2.stop();
    }
  }
}
