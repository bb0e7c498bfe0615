package dev.bespoke.server.reliability.faults;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/** Requests as pages send them, and a bounded load of them on a few client threads. */
final class Traffic {

  static final String DESKTOP_UA =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Safari/537.36";

  /** A client address no log line may show (P8); it reaches the service in X-Forwarded-For. */
  static final String CLIENT_ADDRESS = "203.0.113.77";

  /** Every visitor id issued to this traffic, for the log scan. */
  static final java.util.Set<String> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService clients;
  private final List<Future<?>> loops = new ArrayList<>();

  private Traffic(int threads) {
    clients = Executors.newFixedThreadPool(threads);
  }

  /** Runs each loop body on its own client thread, again and again, until {@link #stop}. */
  static Traffic run(Runnable... bodies) {
    Traffic traffic = new Traffic(bodies.length);
    for (Runnable body : bodies) {
      traffic.loops.add(
          traffic.clients.submit(
              () -> {
                while (traffic.running.get()) {
                  body.run();
                }
              }));
    }
    return traffic;
  }

  void stop() throws Exception {
    running.set(false);
    for (Future<?> loop : loops) {
      loop.get(60, TimeUnit.SECONDS);
    }
    clients.shutdown();
  }

  static Response decide(String space, String slot, String visitorId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("space", space);
    body.put("channel", "web");
    body.put("slots", List.of(slot));
    if (visitorId != null) {
      body.put("visitorId", visitorId);
    }
    return given()
        .contentType(ContentType.JSON)
        .header("User-Agent", DESKTOP_UA)
        .header("X-Forwarded-For", CLIENT_ADDRESS)
        .body(body)
        .post("/api/v1/decisions");
  }

  /** A new visitor id, signed by the service as a first decision issues it. */
  static String newVisitor() {
    String id =
        decide("default", "home-hero", null).then().statusCode(200).extract().path("visitorId");
    ISSUED.add(id);
    return id;
  }

  static Response pageviews(String space, String visitorId, String category, int count) {
    List<Map<String, Object>> events =
        IntStream.range(0, count)
            .<Map<String, Object>>mapToObj(
                i ->
                    Map.of(
                        "type",
                        "pageview",
                        "page",
                        Map.of("url", "https://shop.example/" + category + "/" + i),
                        "properties",
                        Map.of("category", category)))
            .toList();
    return given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", CLIENT_ADDRESS)
        .cookie("bespoke_vid", visitorId)
        .body(Map.of("space", space, "visitorId", visitorId, "events", events))
        .post("/api/v1/events");
  }

  /** A visitor who read three shoe pages and is shown the shoe offer, or null if not (yet). */
  static String shoeFan() {
    String visitor = newVisitor();
    if (pageviews("default", visitor, "shoes", 3).statusCode() != 202) {
      return null;
    }
    Response answer = decide("default", "home-hero", visitor);
    return "shoe-fan-running".equals(answer.jsonPath().getString("decisions[0].variant.key"))
        ? visitor
        : null;
  }
}
