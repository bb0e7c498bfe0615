package dev.bespoke.server.scaleout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of three masters (no replicas) on free loopback ports, made the way an
 * operator makes one: three {@code redis-server --cluster-enabled yes}, then {@code redis-cli
 * --cluster create}. Nothing is persisted; closing kills every server.
 */
final class RedisClusterProcesses implements AutoCloseable {

  private static final String SERVER = "redis-server";
  private static final String CLI = "redis-cli";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final List<Integer> ports = new ArrayList<>();
  private final List<Process> servers = new ArrayList<>();

  private RedisClusterProcesses(Path dir) {
    this.dir = dir;
  }

  static RedisClusterProcesses start(Path dir, int masters) {
    RedisClusterProcesses cluster = new RedisClusterProcesses(dir);
    try {
      for (int i = 0; i < masters; i++) {
        cluster.startServer();
      }
      cluster.create();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The seed list for {@code quarkus.redis.hosts}. */
  String hosts() {
    return ports.stream().map(p -> "redis://127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** One redis-cli command against one master (not following redirections). */
  String cli(int port, String... args) {
    List<String> command = new ArrayList<>(List.of(CLI, "-h", "127.0.0.1", "-p", "" + port));
    command.addAll(List.of(args));
    return ChildProcesses.run(COMMAND_TIMEOUT, command.toArray(String[]::new)).trim();
  }

  private void startServer() {
    int port = FreePorts.next();
    // The cluster bus gets a free port of its own: the default, port + 10000, may be taken or
    // beyond 65535.
    int busPort = FreePorts.next();
    Path nodeDir = dir.resolve("redis-" + port);
    servers.add(
        ChildProcesses.start(
            List.of(
                SERVER,
                "--port",
                "" + port,
                "--cluster-port",
                "" + busPort,
                "--bind",
                "127.0.0.1",
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                nodeDir.toString()),
            nodeDir,
            dir.resolve("redis-" + port + ".log")));
    ports.add(port);
    awaitUntil(() -> answers(port, "PONG", "PING"), "redis-server on " + port + " to answer");
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of(CLI, "--cluster", "create"));
    ports.forEach(p -> command.add("127.0.0.1:" + p));
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    ChildProcesses.run(COMMAND_TIMEOUT, command.toArray(String[]::new));
    // Every master must see the whole cluster before a client's first topology read.
    for (int port : ports) {
      awaitUntil(
          () -> cli(port, "CLUSTER", "INFO").contains("cluster_state:ok"),
          "master " + port + " to report cluster_state:ok");
    }
  }

  private boolean answers(int port, String expected, String... command) {
    try {
      return expected.equals(cli(port, command));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }

  @Override
  public void close() {
    servers.forEach(ChildProcesses::kill);
    servers.clear();
  }
}
