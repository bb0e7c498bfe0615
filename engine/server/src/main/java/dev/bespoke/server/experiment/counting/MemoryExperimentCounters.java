package dev.bespoke.server.experiment.counting;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded counters: one lock per experiment run, so every operation is as atomic as its Redis
 * script. Lost on restart, like the embedded profile store; a single-node install that needs its
 * counts to survive restarts stops its experiments before it restarts (stopping freezes them in the
 * database) or uses Redis.
 */
public final class MemoryExperimentCounters implements ExperimentCounters {

  private final Map<CounterKey, Run> runs = new ConcurrentHashMap<>();
  private final Clock clock;

  public MemoryExperimentCounters(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Uni<Exposure> expose(CounterKey key, String unit, String arm, Moment at) {
    Run run = run(key);
    synchronized (run) {
      String existing = run.units.putIfAbsent(unit, arm);
      if (existing != null) {
        return Uni.createFrom().item(new Exposure(existing, false));
      }
      run.exposedAt.put(unit, at.epochMillis());
      run.add(CounterValues.visitorsField(arm));
      run.add(CounterValues.visitorsOnDay(arm, at.day()));
      run.add(CounterValues.visitorsInBucket(at.bucket()));
      return Uni.createFrom().item(new Exposure(arm, true));
    }
  }

  @Override
  public Uni<ConversionOutcome> convert(
      CounterKey key, String unit, Moment at, long minDelayMillis) {
    Run run = run(key);
    synchronized (run) {
      String arm = run.units.get(unit);
      Long exposed = run.exposedAt.get(unit);
      ConversionOutcome outcome;
      if (arm == null) {
        run.add(Exclusion.NOT_EXPOSED.field());
        outcome = ConversionOutcome.NOT_EXPOSED;
      } else if (exposed != null && at.epochMillis() - exposed < minDelayMillis) {
        run.add(Exclusion.TOO_SOON.field());
        outcome = ConversionOutcome.TOO_SOON;
      } else if (!run.converted.add(unit)) {
        outcome = ConversionOutcome.ALREADY_COUNTED;
      } else {
        run.add(CounterValues.conversionsField(arm));
        run.add(CounterValues.conversionsOnDay(arm, at.day()));
        run.add(CounterValues.conversionsInBucket(at.bucket()));
        outcome = ConversionOutcome.COUNTED;
      }
      return Uni.createFrom().item(outcome);
    }
  }

  @Override
  public Uni<Void> setIfAbsent(CounterKey key, Map<String, Long> fields) {
    Run run = run(key);
    synchronized (run) {
      fields.forEach(run.counters::putIfAbsent);
    }
    return Uni.createFrom().voidItem();
  }

  @Override
  public Uni<Void> remove(CounterKey key, Collection<String> fields) {
    Run run = runs.get(key);
    if (run != null) {
      synchronized (run) {
        fields.forEach(run.counters::remove);
      }
    }
    return Uni.createFrom().voidItem();
  }

  @Override
  public Uni<Void> exclude(CounterKey key, Exclusion reason) {
    Run run = run(key);
    synchronized (run) {
      run.add(reason.field());
    }
    return Uni.createFrom().voidItem();
  }

  @Override
  public Uni<CounterValues> read(CounterKey key) {
    Run run = runs.get(key);
    if (run == null) {
      return Uni.createFrom().item(CounterValues.EMPTY);
    }
    synchronized (run) {
      return Uni.createFrom().item(new CounterValues(run.counters));
    }
  }

  @Override
  public Uni<Void> expire(CounterKey key, Duration ttl) {
    Run run = runs.get(key);
    if (run != null) {
      synchronized (run) {
        run.expiresAt = clock.instant().plus(ttl);
      }
    }
    sweep();
    return Uni.createFrom().voidItem();
  }

  /** Drops runs whose time ran out. */
  void sweep() {
    Instant now = clock.instant();
    runs.values().removeIf(r -> r.expiresAt != null && r.expiresAt.isBefore(now));
  }

  @Override
  public String kind() {
    return "in-process";
  }

  private Run run(CounterKey key) {
    return runs.computeIfAbsent(key, k -> new Run());
  }

  /** One run's state; guarded by its own monitor. */
  private static final class Run {
    final Map<String, String> units = new HashMap<>();
    final Map<String, Long> exposedAt = new HashMap<>();
    final Set<String> converted = new HashSet<>();
    final Map<String, Long> counters = new HashMap<>();
    Instant expiresAt;

    void add(String field) {
      counters.merge(field, 1L, Long::sum);
    }
  }
}
