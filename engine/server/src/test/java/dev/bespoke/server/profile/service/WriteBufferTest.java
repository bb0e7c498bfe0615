package dev.bespoke.server.profile.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.store.memory.MemoryProfileStore;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.profile.testsupport.FlakyStore;
import dev.bespoke.server.profile.testsupport.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteBufferTest {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(5);
  static final ProfileKey VISITOR = ProfileKey.visitor("shop", "v1.buffer");

  final MemoryProfileStore memory =
      new MemoryProfileStore(ProfileSettings.DEFAULTS, Clock.systemUTC());
  final FlakyStore store = new FlakyStore(memory);
  final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofMillis(100), Clock.systemUTC());
  final WriteBuffer buffer = new WriteBuffer("test", store, breaker, 10, Duration.ofMillis(50));

  @AfterEach
  void close() {
    buffer.close();
  }

  long shoeViews() {
    return memory
        .read(VISITOR)
        .await()
        .atMost(WAIT)
        .profile()
        .map(p -> p.total("pageview.category.shoes"))
        .orElse(0L);
  }

  @Test
  void aWriteGoesThroughWhenTheStoreAnswers() {
    WriteBuffer.Ack ack =
        buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 3).await().atMost(WAIT);
    assertThat(ack).isEqualTo(WriteBuffer.Ack.WRITTEN);
    assertThat(shoeViews()).isEqualTo(1);
    assertThat(buffer.pending()).isZero();
  }

  @Test
  void aFailedWriteIsBufferedAndWrittenOnceTheStoreIsBack() {
    store.set(FlakyStore.Mode.DOWN);
    WriteBuffer.Ack ack =
        buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 3).await().atMost(WAIT);
    assertThat(ack).isEqualTo(WriteBuffer.Ack.BUFFERED);
    assertThat(buffer.pending()).isEqualTo(3);

    store.set(FlakyStore.Mode.UP);
    Eventually.until(WAIT, () -> buffer.pending() == 0);
    assertThat(shoeViews()).isEqualTo(1);
  }

  @Test
  void aWriteThatTimesOutIsBufferedAtOnceAndRetried() {
    store.set(FlakyStore.Mode.HANGING);
    long started = System.nanoTime();
    WriteBuffer.Ack ack =
        buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 1).await().atMost(WAIT);
    assertThat(ack).isEqualTo(WriteBuffer.Ack.BUFFERED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));

    store.set(FlakyStore.Mode.UP);
    Eventually.until(WAIT, () -> buffer.pending() == 0);
    assertThat(shoeViews()).isEqualTo(1);
  }

  @Test
  void aFullBufferRefusesInsteadOfDropping() {
    store.set(FlakyStore.Mode.DOWN);
    buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 6).await().atMost(WAIT);
    buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 4).await().atMost(WAIT);
    assertThat(buffer.pending()).isEqualTo(10);

    assertThatThrownBy(
            () -> buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 1).await().atMost(WAIT))
        .isInstanceOf(WriteBuffer.FullException.class);
    assertThat(buffer.offer(VISITOR, Updates.pageview(T0, "shoes"), 1)).isFalse();
    assertThat(buffer.refused()).isEqualTo(2);

    store.set(FlakyStore.Mode.UP);
    Eventually.until(WAIT, () -> buffer.pending() == 0);
    assertThat(shoeViews()).isEqualTo(2);
  }

  @Test
  void anOpenBreakerBuffersWithoutCallingTheStore() {
    CircuitBreaker slowToRetry = new CircuitBreaker(2, Duration.ofMinutes(1), Clock.systemUTC());
    try (WriteBuffer patient =
        new WriteBuffer("patient", store, slowToRetry, 10, Duration.ofMillis(50))) {
      store.set(FlakyStore.Mode.DOWN);
      patient.submit(VISITOR, Updates.pageview(T0, "shoes"), 1).await().atMost(WAIT);
      patient.submit(VISITOR, Updates.pageview(T0, "shoes"), 1).await().atMost(WAIT);
      assertThat(slowToRetry.state()).isEqualTo(CircuitBreaker.State.OPEN);
      int calls = store.applies();

      WriteBuffer.Ack ack =
          patient.submit(VISITOR, Updates.pageview(T0, "shoes"), 1).await().atMost(WAIT);
      assertThat(ack).isEqualTo(WriteBuffer.Ack.BUFFERED);
      assertThat(store.applies()).isEqualTo(calls);
    }
  }

  @Test
  void drainingOnShutdownWritesWhatWaitsAndThenRefuses() {
    store.set(FlakyStore.Mode.DOWN);
    for (int i = 0; i < 5; i++) {
      buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 1).await().atMost(WAIT);
    }
    store.set(FlakyStore.Mode.UP);

    assertThat(buffer.drain(WAIT)).isZero();
    assertThat(shoeViews()).isEqualTo(5);
    assertThat(buffer.accepting()).isFalse();
    assertThatThrownBy(
            () -> buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 1).await().atMost(WAIT))
        .isInstanceOf(WriteBuffer.FullException.class);
  }

  @Test
  void drainingGivesUpAtTheDeadlineAndSaysWhatIsLost() {
    store.set(FlakyStore.Mode.DOWN);
    buffer.submit(VISITOR, Updates.pageview(T0, "shoes"), 2).await().atMost(WAIT);
    assertThat(buffer.drain(Duration.ofMillis(200))).isEqualTo(2);
  }
}
