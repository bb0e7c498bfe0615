package dev.bespoke.server.bandit;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts in this process, for the embedded mode. */
final class MemoryBanditCounters implements BanditCounters {

  /** Decision ids remembered for de-duplicating rewards; the oldest are forgotten first. */
  private static final int REMEMBERED_DECISIONS = 100_000;

  private final Map<BanditKey, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
  private final Map<String, Instant> rewarded =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > REMEMBERED_DECISIONS;
        }
      };
  private final Clock clock;

  MemoryBanditCounters(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Uni<Void> trial(BanditKey key, String context, String variant) {
    add(key, BanditKey.trials(context, variant));
    return Uni.createFrom().voidItem();
  }

  @Override
  public Uni<Boolean> reward(
      BanditKey key, String context, String variant, String decision, Duration window) {
    Instant now = clock.instant();
    boolean first;
    synchronized (rewarded) {
      Instant seen = rewarded.get(decision);
      first = seen == null || seen.plus(window).isBefore(now);
      if (first) {
        rewarded.put(decision, now);
      }
    }
    if (first) {
      add(key, BanditKey.rewards(context, variant));
    }
    return Uni.createFrom().item(first);
  }

  @Override
  public Uni<Map<String, Long>> read(BanditKey key) {
    Map<String, Long> copy = new HashMap<>();
    counts.getOrDefault(key, Map.of()).forEach((field, n) -> copy.put(field, n.sum()));
    return Uni.createFrom().item(copy);
  }

  @Override
  public String kind() {
    return "in-process";
  }

  private void add(BanditKey key, String field) {
    counts
        .computeIfAbsent(key, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(field, f -> new LongAdder())
        .increment();
  }
}
