package dev.bespoke.server.reliability.faults;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What a load saw: decisions and event batches sent, and how they were answered. */
final class Tally {

  final AtomicLong decisions = new AtomicLong();
  final AtomicLong decisionsNot200 = new AtomicLong();
  final AtomicLong fallbacks = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong events202 = new AtomicLong();
  final AtomicLong events503 = new AtomicLong();
  final AtomicLong events503WithoutRetryAfter = new AtomicLong();
  final AtomicLong eventsOther = new AtomicLong();
  private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
  private final long started = System.nanoTime();

  void decision(Response answer) {
    decisions.incrementAndGet();
    latenciesMicros.add(answer.timeIn(java.util.concurrent.TimeUnit.MICROSECONDS));
    if (answer.statusCode() != 200) {
      decisionsNot200.incrementAndGet();
      return;
    }
    if (answer.jsonPath().getBoolean("decisions[0].fallback")) {
      fallbacks.incrementAndGet();
    }
  }

  /**
   * @return whether the batch was accepted (202)
   */
  boolean events(Response answer) {
    events.incrementAndGet();
    switch (answer.statusCode()) {
      case 202 -> {
        events202.incrementAndGet();
        return true;
      }
      case 503 -> {
        events503.incrementAndGet();
        if (answer.header("Retry-After") == null) {
          events503WithoutRetryAfter.incrementAndGet();
        }
      }
      default -> eventsOther.incrementAndGet();
    }
    return false;
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** The decision latency at this quantile (0.5, 0.99), in milliseconds. */
  double decisionMillis(double quantile) {
    List<Long> sorted;
    synchronized (latenciesMicros) {
      sorted = new ArrayList<>(latenciesMicros);
    }
    if (sorted.isEmpty()) {
      return 0;
    }
    Collections.sort(sorted);
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1000.0;
  }

  String summary(String id) {
    return String.format(
        java.util.Locale.ROOT,
        "%s: requests sent=%d, non-200=%d, fallbacks=%d over %.1f s (decision p50 %.1f ms, p99 %.1f"
            + " ms); event batches sent=%d, 202=%d, 503=%d (without Retry-After %d), other=%d",
        id,
        decisions.get(),
        decisionsNot200.get(),
        fallbacks.get(),
        seconds(),
        decisionMillis(0.5),
        decisionMillis(0.99),
        events.get(),
        events202.get(),
        events503.get(),
        events503WithoutRetryAfter.get(),
        eventsOther.get());
  }
}
