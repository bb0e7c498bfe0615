package dev.bespoke.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 16 clients at once expose visitors and send conversions (some twice, some from visitors never
 * exposed, some without analytics consent); the counters must equal exactly what was sent. Runs on
 * the in-process counters by default and on Redis under {@code -Ppostgresql}.
 */
@QuarkusTest
class ExactCountingTest {

  private static final int CLIENTS = 16;
  private static final int VISITORS_PER_CLIENT = 10;
  private static final String GOAL = "purchase";

  @Test
  void concurrentExposuresAndConversionsAreCountedExactlyOnce() throws Exception {
    String space = Fixtures.newSpace();
    String slot = Lab.publishedSlot(space);
    String plain = Lab.publishedSlot(space);
    String key = Lab.createAndStart(space, Lab.ab(Lab.newExperimentKey(), slot, GOAL, 1, 1));

    Map<String, AtomicLong> visitors = new ConcurrentHashMap<>();
    Map<String, AtomicLong> conversions = new ConcurrentHashMap<>();
    AtomicLong unexposedConversions = new AtomicLong();
    AtomicLong withoutConsent = new AtomicLong();

    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients =
          java.util.stream.IntStream.range(0, CLIENTS)
              .<Future<?>>mapToObj(
                  c ->
                      pool.submit(
                          () -> {
                            for (int i = 0; i < VISITORS_PER_CLIENT; i++) {
                              JsonPath first = Lab.decide(space, null, List.of(slot), Map.of());
                              String visitor = first.getString("visitorId");
                              String arm = first.getString("decisions[0].experiment.arm");
                              // A second decision for the same visitor is not a second exposure.
                              Lab.decide(space, visitor, List.of(slot), Map.of());
                              visitors
                                  .computeIfAbsent(arm, a -> new AtomicLong())
                                  .incrementAndGet();
                              if (i % 3 == 0) {
                                Lab.events(
                                    space,
                                    visitor,
                                    List.of(Lab.conversion(GOAL), Lab.conversion(GOAL)),
                                    Map.of());
                                Lab.events(space, visitor, List.of(Lab.conversion(GOAL)), Map.of());
                                conversions
                                    .computeIfAbsent(arm, a -> new AtomicLong())
                                    .incrementAndGet();
                              }
                            }
                            // Never exposed: a visitor who only saw a slot without an experiment.
                            String stranger =
                                Lab.decide(space, null, List.of(plain), Map.of())
                                    .getString("visitorId");
                            Lab.events(space, stranger, List.of(Lab.conversion(GOAL)), Map.of());
                            unexposedConversions.incrementAndGet();
                            // No analytics consent: served the experiment, never counted.
                            JsonPath unconsented =
                                Lab.decide(
                                    space,
                                    null,
                                    List.of(slot),
                                    Map.of(
                                        "consent",
                                        Map.of("personalization", true, "analytics", false)));
                            assertThat(unconsented.getString("decisions[0].experiment.key"))
                                .isEqualTo(key);
                            withoutConsent.incrementAndGet();
                          }))
              .toList();
      for (Future<?> client : clients) {
        client.get(3, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    JsonPath results = Lab.results(space, key);
    for (String arm : List.of("control", "b")) {
      assertThat(results.getLong("arms.find { it.key == '" + arm + "' }.visitors"))
          .as("visitors in %s", arm)
          .isEqualTo(visitors.getOrDefault(arm, new AtomicLong()).get());
      assertThat(results.getLong("arms.find { it.key == '" + arm + "' }.conversions"))
          .as("conversions in %s", arm)
          .isEqualTo(conversions.getOrDefault(arm, new AtomicLong()).get());
    }
    assertThat(visitors.values().stream().mapToLong(AtomicLong::get).sum())
        .isEqualTo((long) CLIENTS * VISITORS_PER_CLIENT);
    assertThat(results.getLong("excluded.notExposed")).isEqualTo(unexposedConversions.get());
    assertThat(results.getLong("excluded.noAnalyticsConsent")).isEqualTo(withoutConsent.get());
  }
}
