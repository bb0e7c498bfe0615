package dev.bespoke.server.scaleout;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One node: the packaged application ({@code java -jar quarkus-run.jar}) in a JVM of its own, on a
 * free loopback port, configured by system properties as an operator would with environment
 * variables. Its output goes to {@code <name>.log} in the work directory.
 */
final class BespokeNode implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final String user;
  private final String password;

  private BespokeNode(
      String name, int port, Path log, Process process, String user, String password) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.user = user;
    this.password = password;
  }

  /**
   * Starts a node of the jar with the given settings ({@code -Dkey=value}, shared by every node of
   * the deployment) and an admin user.
   */
  static BespokeNode start(
      String name, Path jar, Path dir, List<String> settings, String user, String password) {
    int port = FreePorts.next();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small heap and one GC thread: two nodes, the build and the cluster share two cores.
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + port);
    command.addAll(settings);
    command.addAll(List.of("-jar", jar.toString()));
    Path log = dir.resolve(name + ".log");
    Process process = ChildProcesses.start(command, dir.resolve(name), log);
    return new BespokeNode(name, port, log, process, user, password);
  }

  /** Waits until readiness answers 200, failing at once if the JVM ended. */
  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "node " + name + " exited (" + process.exitValue() + "):\n" + logTail());
      }
      if (ready()) {
        return;
      }
      sleep(200);
    }
    throw new IllegalStateException(
        "node " + name + " not ready in " + timeout + ":\n" + logTail());
  }

  private boolean ready() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A JSON request to this node as the deployment's admin user. */
  RequestSpecification admin() {
    return anonymous().auth().preemptive().basic(user, password);
  }

  /** A JSON request to this node as a visitor's browser or a host site would send it. */
  RequestSpecification anonymous() {
    return given().baseUri(url()).contentType(ContentType.JSON);
  }

  String logTail() {
    return ChildProcesses.tail(log, 60);
  }

  @Override
  public void close() {
    ChildProcesses.kill(process);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
