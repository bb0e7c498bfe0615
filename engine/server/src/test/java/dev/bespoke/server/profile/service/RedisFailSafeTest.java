package dev.bespoke.server.profile.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.store.ProfileStore;
import dev.bespoke.server.profile.store.redis.RedisProfileStore;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.profile.testsupport.RedisProcess;
import dev.bespoke.server.profile.testsupport.Updates;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fail-safe against a real Redis that this test kills (SIGKILL), restarts and pauses (SIGSTOP):
 * the gateway degrades within its budget, never throws, and recovers by itself.
 */
class RedisFailSafeTest {

  static final Duration BUDGET = Duration.ofMillis(25);
  static final Duration BREAKER_DELAY = Duration.ofMillis(300);
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String SPACE = "failsafe";

  RedisProcess server;
  Vertx vertx;
  Redis redis;
  ProfileStore store;
  CircuitBreaker breaker;
  ProfileGateway gateway;
  WriteBuffer events;

  @BeforeEach
  void start() {
    server = RedisProcess.start();
    vertx = Vertx.vertx();
    redis = server.client(vertx);
    store = new RedisProfileStore(redis, ProfileSettings.DEFAULTS, new ObjectMapper());
    breaker = new CircuitBreaker(5, BREAKER_DELAY, Clock.systemUTC());
    gateway = new ProfileGateway(store, breaker, BUDGET, 64, 1000, Clock.systemUTC());
    events = new WriteBuffer("events", store, breaker, 1000, Duration.ofMillis(50));
  }

  @AfterEach
  void stop() {
    events.close();
    gateway.writes().close();
    server.close();
    redis.close();
    vertx.closeAndAwait();
  }

  static String newVisitor() {
    return "v1." + UUID.randomUUID();
  }

  /** The read and how long it took. */
  record Timed(ProfileRead read, Duration took) {}

  Timed timedRead(String visitor) {
    long started = System.nanoTime();
    ProfileRead read = gateway.read(SPACE, visitor);
    return new Timed(read, Duration.ofNanos(System.nanoTime() - started));
  }

  @Test
  void killedRedisDegradesWithinTheBudgetAndRecoversWithoutANewGateway() {
    String visitor = newVisitor();
    events
        .submit(ProfileKey.visitor(SPACE, visitor), Updates.pageview(Instant.now(), "shoes"), 1)
        .await()
        .atMost(WAIT);
    // The very first read of a cold JVM (class loading, the first pipelined batch) may take
    // longer than the budget; that one degrades like any slow read.
    Eventually.until(WAIT, () -> gateway.read(SPACE, visitor).status() == ProfileRead.Status.FOUND);
    // A write whose first attempt timed out on the cold JVM is retried from the buffer; let the
    // retry land now, or it would land in the restarted (empty) Redis below.
    Eventually.until(WAIT, () -> events.pending() == 0);

    server.kill();
    for (int i = 0; i < 50; i++) {
      Timed timed = timedRead(visitor);
      assertThat(timed.read().isDegraded()).isTrue();
      assertThat(timed.took()).isLessThan(Duration.ofSeconds(2));
    }
    assertThat(breaker.state()).isNotEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(timedRead(visitor).read().reason()).isEqualTo(ProfileRead.BREAKER_OPEN);

    server.restart();
    // The restarted Redis is empty (no persistence): recovery shows as an answer, not a profile.
    Eventually.until(WAIT, () -> !gateway.read(SPACE, visitor).isDegraded());
    assertThat(gateway.read(SPACE, visitor).status()).isEqualTo(ProfileRead.Status.ABSENT);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void eventsWrittenWhileRedisIsDownLandOnceItIsBack() {
    String visitor = newVisitor();
    ProfileKey key = ProfileKey.visitor(SPACE, visitor);
    server.kill();
    for (int i = 0; i < 20; i++) {
      WriteBuffer.Ack ack =
          events.submit(key, Updates.pageview(Instant.now(), "shoes"), 1).await().atMost(WAIT);
      assertThat(ack).isEqualTo(WriteBuffer.Ack.BUFFERED);
    }
    assertThat(events.pending()).isEqualTo(20);

    server.restart();
    Eventually.until(WAIT, () -> events.pending() == 0);
    ProfileRead read = gateway.read(key);
    assertThat(read.profile().orElseThrow().total("pageview.category.shoes")).isEqualTo(20);
  }

  @Test
  void pausedRedisTimesOutAndLateWritesAreNotCountedTwice() throws Exception {
    String visitor = newVisitor();
    ProfileKey key = ProfileKey.visitor(SPACE, visitor);
    Eventually.until(WAIT, () -> !gateway.read(SPACE, visitor).isDegraded());

    server.pause();
    Timed timed = timedRead(visitor);
    assertThat(timed.read().reason()).isEqualTo(ProfileRead.TIMEOUT);
    assertThat(timed.took()).isLessThan(Duration.ofSeconds(2));

    // The write is sent, times out and is buffered; Redis applies the first copy once it wakes
    // up and the retry carries the same update id, so it is recognised and skipped.
    WriteBuffer.Ack ack =
        events.submit(key, Updates.pageview(Instant.now(), "shoes"), 1).await().atMost(WAIT);
    assertThat(ack).isEqualTo(WriteBuffer.Ack.BUFFERED);

    server.resume();
    Eventually.until(WAIT, () -> events.pending() == 0);
    Eventually.until(WAIT, () -> !gateway.read(SPACE, visitor).isDegraded());
    assertThat(gateway.read(key).profile().orElseThrow().total("pageview.category.shoes"))
        .isEqualTo(1);
  }
}
