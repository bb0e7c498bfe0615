package dev.bespoke.server.profile.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.store.CustomerTraits;
import dev.bespoke.server.profile.store.memory.MemoryProfileStore;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.profile.testsupport.FlakyStore;
import dev.bespoke.server.profile.testsupport.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's promises with a store that misbehaves on command. */
class ProfileGatewayTest {

  static final Duration BUDGET = Duration.ofMillis(25);
  static final Duration WAIT = Duration.ofSeconds(5);
  static final String SPACE = "shop";
  static final String VISITOR = "v1.gateway";

  final MemoryProfileStore memory =
      new MemoryProfileStore(ProfileSettings.DEFAULTS, Clock.systemUTC());
  final FlakyStore store = new FlakyStore(memory);
  final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMillis(200), Clock.systemUTC());
  final ProfileGateway gateway =
      new ProfileGateway(store, breaker, BUDGET, 4, 100, Clock.systemUTC());

  @AfterEach
  void close() {
    gateway.writes().close();
  }

  @Test
  void aStoredProfileIsFound() {
    memory
        .apply(ProfileKey.visitor(SPACE, VISITOR), Updates.pageview(Instant.now(), "shoes"))
        .await()
        .atMost(WAIT);
    ProfileRead read = gateway.read(SPACE, VISITOR);
    assertThat(read.status()).isEqualTo(ProfileRead.Status.FOUND);
    assertThat(read.profile().orElseThrow().visits()).isEqualTo(1);
  }

  @Test
  void aNewVisitorIsAbsentAndAnImpossibleIdNeverReachesTheStore() {
    assertThat(gateway.read(SPACE, "v1.new").status()).isEqualTo(ProfileRead.Status.ABSENT);
    store.set(FlakyStore.Mode.DOWN);
    assertThat(gateway.read(SPACE, "not an id").status()).isEqualTo(ProfileRead.Status.ABSENT);
  }

  @Test
  void aHangingStoreIsDegradedWithinTheBudget() {
    store.set(FlakyStore.Mode.HANGING);
    long started = System.nanoTime();
    ProfileRead read = gateway.read(SPACE, VISITOR);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(read.isDegraded()).isTrue();
    assertThat(read.reason()).isEqualTo(ProfileRead.TIMEOUT);
    // A hanging store never answers: returning at all shows the budget cut it off. (How fast is
    // measured by the benchmarks, not here: a loaded CI machine stretches wall-clock time.)
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aSlowInProcessReadIsDegradedWithinTheBudget() throws Exception {
    // Workers all busy (a long write under the profile's lock looks the same from here).
    ExecutorService busy = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    busy.execute(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    MemoryProfileStore slow =
        new MemoryProfileStore(ProfileSettings.DEFAULTS, Clock.systemUTC(), busy);
    ProfileGateway overSlow = new ProfileGateway(slow, breaker, BUDGET, 4, 100, Clock.systemUTC());
    try {
      ProfileRead read = overSlow.read(SPACE, VISITOR);
      assertThat(read.isDegraded()).isTrue();
      assertThat(read.reason()).isEqualTo(ProfileRead.TIMEOUT);
    } finally {
      release.countDown();
      overSlow.writes().close();
      busy.shutdown();
      assertThat(busy.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aFailingStoreOpensTheBreakerAndClosesItWhenBack() {
    store.set(FlakyStore.Mode.DOWN);
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.read(SPACE, VISITOR).reason()).isEqualTo(ProfileRead.UNAVAILABLE);
    }
    assertThat(gateway.read(SPACE, VISITOR).reason()).isEqualTo(ProfileRead.BREAKER_OPEN);

    store.set(FlakyStore.Mode.UP);
    Eventually.until(WAIT, () -> !gateway.read(SPACE, VISITOR).isDegraded());
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void readsWaitingOnAStalledStoreAreBounded() {
    CircuitBreaker lenient = new CircuitBreaker(100, Duration.ofSeconds(1), Clock.systemUTC());
    ProfileGateway bounded = new ProfileGateway(store, lenient, BUDGET, 4, 100, Clock.systemUTC());
    store.set(FlakyStore.Mode.HANGING);
    // Each stalled read keeps its permit until the store answers, which it never does here.
    for (int i = 0; i < 4; i++) {
      assertThat(bounded.read(SPACE, VISITOR).reason()).isEqualTo(ProfileRead.TIMEOUT);
    }
    assertThat(bounded.read(SPACE, VISITOR).reason()).isEqualTo(ProfileRead.OVERLOADED);
    bounded.writes().close();
  }

  @Test
  void aTouchIsWrittenInTheBackground() {
    ProfileKey key = ProfileKey.visitor(SPACE, "v1.touched");
    assertThat(gateway.touch(key, ConsentGate.NOT_REFUSED, ZoneOffset.UTC)).isTrue();
    Eventually.until(WAIT, () -> gateway.read(key).profile().isPresent());
    assertThat(gateway.read(key).profile().orElseThrow().visits()).isEqualTo(1);
  }

  @Test
  void anAssignmentIsStoredOnce() {
    ProfileKey key = ProfileKey.visitor(SPACE, "v1.assigned");
    gateway.assign(key, "hero", "control", ConsentGate.NOT_REFUSED, ZoneOffset.UTC);
    Eventually.until(WAIT, () -> gateway.read(key).profile().isPresent());
    gateway.assign(key, "hero", "personalised", ConsentGate.NOT_REFUSED, ZoneOffset.UTC);
    Eventually.until(WAIT, () -> gateway.writes().pending() == 0);
    assertThat(gateway.read(key).profile().orElseThrow().assignments())
        .containsEntry("hero", "control");
  }

  @Test
  void crmTraitsComeWithACustomersProfile() {
    memory
        .replaceCustomerTraits(SPACE, List.of(new CustomerTraits("42", Map.of("tier", "gold"))))
        .await()
        .atMost(WAIT);
    ProfileRead read = gateway.read(ProfileKey.customer(SPACE, "42"));
    assertThat(read.status()).isEqualTo(ProfileRead.Status.ABSENT);
    assertThat(read.traits()).containsEntry("tier", "gold");
  }
}
