package dev.bespoke.server.profile.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, for background work such as a buffer draining. */
public final class Eventually {

  private static final long POLL_MILLIS = 20;

  private Eventually() {}

  public static void until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition did not hold within " + timeout);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }
}
