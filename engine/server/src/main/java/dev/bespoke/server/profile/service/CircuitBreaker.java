package dev.bespoke.server.profile.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small circuit breaker over the profile store: after {@code threshold} consecutive failures it
 * opens and calls are refused without waiting; after {@code delay} one trial call is let through
 * (half-open) and its outcome closes or reopens it. So a dead Redis costs nothing per request and a
 * revived one is used again without a restart.
 *
 * <p>Written here rather than taken from SmallRye Fault Tolerance because the breaker must be
 * shared by reads, writes and the buffer drainer, and be driven by a test clock in plain JUnit.
 */
public final class CircuitBreaker {

  /** Where the breaker stands. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final Duration delay;
  private final Clock clock;

  private volatile State state = State.CLOSED;
  private int failures;
  private Instant openedAt = Instant.EPOCH;
  private Instant trialStartedAt;

  public CircuitBreaker(int threshold, Duration delay, Clock clock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    this.threshold = threshold;
    this.delay = delay;
    this.clock = clock;
  }

  /** Whether a call may go to the store now; a permitted call must report its outcome. */
  public boolean tryAcquire() {
    if (state == State.CLOSED) {
      return true;
    }
    synchronized (this) {
      Instant now = clock.instant();
      if (state == State.OPEN && !now.isBefore(openedAt.plus(delay))) {
        state = State.HALF_OPEN;
        trialStartedAt = now;
        return true;
      }
      // A trial whose outcome never came back (a cancelled call) must not hold the breaker
      // half-open for ever: after another delay, the next caller becomes the trial.
      if (state == State.HALF_OPEN && !now.isBefore(trialStartedAt.plus(delay))) {
        trialStartedAt = now;
        return true;
      }
      return state == State.CLOSED;
    }
  }

  public void onSuccess() {
    if (state == State.CLOSED && failuresIsZero()) {
      return;
    }
    synchronized (this) {
      failures = 0;
      state = State.CLOSED;
    }
  }

  public synchronized void onFailure() {
    if (state == State.HALF_OPEN) {
      open();
      return;
    }
    failures++;
    if (state == State.CLOSED && failures >= threshold) {
      open();
    }
  }

  public State state() {
    return state;
  }

  /** How long until an open breaker lets a trial through; zero when closed. */
  public synchronized Duration retryIn() {
    if (state == State.CLOSED) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), openedAt.plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private synchronized boolean failuresIsZero() {
    return failures == 0;
  }

  private void open() {
    state = State.OPEN;
    openedAt = clock.instant();
    failures = 0;
  }
}
