package dev.bespoke.server.profile.service;

import java.time.Duration;

/**
 * The {@code Retry-After} a client is given when the profile store or a buffer cannot take more.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** Whole seconds, as HTTP wants, and at least one: until the breaker lets a trial through. */
  public static long seconds(Duration wait) {
    long seconds = (wait.toMillis() + 999) / 1000;
    return Math.max(1, seconds);
  }
}
