package dev.bespoke.server.profile.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  static final Duration DELAY = Duration.ofSeconds(5);

  final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
  final CircuitBreaker breaker = new CircuitBreaker(3, DELAY, clock);

  void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.onFailure();
    }
  }

  @Test
  void opensAfterConsecutiveFailuresOnly() {
    fail(2);
    breaker.onSuccess();
    fail(2);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    fail(1);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.retryIn()).isEqualTo(DELAY);
  }

  @Test
  void halfOpensAfterTheDelayAndLetsOneTrialThrough() {
    fail(3);
    clock.advance(DELAY.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).as("a second caller waits for the trial").isFalse();
  }

  @Test
  void aSuccessfulTrialClosesIt() {
    fail(3);
    clock.advance(DELAY);
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.retryIn()).isZero();
  }

  @Test
  void aFailedTrialOpensItForAnotherDelay() {
    fail(3);
    clock.advance(DELAY);
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(DELAY.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void aTrialThatNeverReportsDoesNotHoldItHalfOpenForEver() {
    fail(3);
    clock.advance(DELAY);
    assertThat(breaker.tryAcquire()).isTrue();
    clock.advance(DELAY);
    assertThat(breaker.tryAcquire()).isTrue();
  }
}
