package dev.bespoke.server.profile.testsupport;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code redis-server} of the test's own, on a free port, so a test can kill it ({@code
 * SIGKILL}), pause it ({@code SIGSTOP}) and start it again without touching the shared Redis on
 * 6379. Nothing is persisted: a restart starts empty, as after a real crash without persistence.
 */
public final class RedisProcess implements AutoCloseable {

  private static final String SERVER = "/usr/bin/redis-server";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private Process process;
  private boolean paused;

  private RedisProcess(int port) {
    this.port = port;
  }

  public static RedisProcess start() {
    RedisProcess redis = new RedisProcess(freePort());
    redis.launch();
    return redis;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** A client like the server's: small pool, bounded queue of waiting commands. */
  public Redis client(Vertx vertx) {
    return Redis.createClient(
        vertx,
        new RedisOptions()
            .setConnectionString(url())
            .setMaxPoolSize(8)
            .setMaxPoolWaiting(64)
            .setMaxWaitingHandlers(1024));
  }

  /** SIGKILL, as a crash: no goodbye to connected clients. */
  public void kill() {
    resume();
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts again on the same port, empty. */
  public void restart() {
    launch();
  }

  /** SIGSTOP: connections stay open and commands are accepted, but nothing is answered. */
  public void pause() {
    signal("-STOP");
    paused = true;
  }

  public void resume() {
    if (paused) {
      signal("-CONT");
      paused = false;
    }
  }

  /** Every key matching the pattern, by {@code SCAN} (as an auditor would look). */
  public static List<String> scan(Redis redis, String pattern) {
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      Response page =
          redis
              .send(
                  Request.cmd(Command.SCAN)
                      .arg(cursor)
                      .arg("MATCH")
                      .arg(pattern)
                      .arg("COUNT")
                      .arg(1000))
              .await()
              .atMost(Duration.ofSeconds(5));
      cursor = page.get(0).toString();
      for (Response key : page.get(1)) {
        keys.add(key.toString());
      }
    } while (!"0".equals(cursor));
    return keys;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private void launch() {
    try {
      process =
          new ProcessBuilder(
                  SERVER,
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + SERVER, e);
    }
    awaitPong();
  }

  private void awaitPong() {
    long until = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < until) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        socket.setSoTimeout(500);
        OutputStream out = socket.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        if ("+PONG".equals(in.readLine())) {
          return;
        }
      } catch (IOException e) {
        sleep(50);
      }
    }
    throw new IllegalStateException("redis-server did not start on port " + port);
  }

  private void signal(String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill " + signal + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
