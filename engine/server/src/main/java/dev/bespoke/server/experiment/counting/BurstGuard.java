package dev.bespoke.server.experiment.counting;

import dev.bespoke.core.stats.BurstCheck;
import dev.bespoke.core.stats.BurstFindings;
import dev.bespoke.core.stats.BurstRule;
import dev.bespoke.server.experiment.ExperimentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies the core's {@link BurstRule} to a run's counters: the new visitors and conversions of the
 * recent buckets against the run's totals and age. A burst, once seen, is written into the counters
 * ({@code q:*} fields, first finding kept), so it stays on the results after it leaves the window,
 * is seen by every node, and is frozen with the counts at stop. Reads also drop buckets that left
 * the window, so the counter hash stays small.
 */
@ApplicationScoped
public class BurstGuard {

  private static final Logger LOG = Logger.getLogger(BurstGuard.class);

  private static final Duration WRITE_BUDGET = Duration.ofSeconds(5);
  private static final String VISITORS = "v";
  private static final String CONVERSIONS = "c";

  private final ExperimentCounters counters;
  private final ExperimentCounting counting;
  private final Clock clock;
  private final BurstRule rule;
  private final int windowBuckets;

  public BurstGuard(
      ExperimentCounters counters,
      ExperimentCounting counting,
      Clock clock,
      ExperimentConfig config) {
    this.counters = counters;
    this.counting = counting;
    this.clock = clock;
    ExperimentConfig.Burst burst = config.burst();
    this.windowBuckets = burst.windowBuckets();
    this.rule =
        new BurstRule(
            burst.bucket().toMillis() * windowBuckets,
            burst.minHistory().toMillis(),
            burst.factor(),
            burst.floor());
  }

  public BurstRule rule() {
    return rule;
  }

  /**
   * A running experiment's counters, checked now: a new burst is recorded in the store before this
   * returns, and the values returned carry it.
   */
  public Reviewed review(CounterKey key, CounterValues values) {
    Instant now = clock.instant();
    long current = counting.bucket(now);
    long from = current - windowBuckets + 1;
    long age = now.toEpochMilli() - key.run();
    BurstCheck visitors =
        BurstCheck.judge(rule, age, values.allVisitors(), values.visitorsInBuckets(from, current));
    BurstCheck conversions =
        BurstCheck.judge(
            rule, age, values.allConversions(), values.conversionsInBuckets(from, current));
    Map<String, Long> found = new HashMap<>();
    latch(values, VISITORS, visitors, found);
    latch(values, CONVERSIONS, conversions, found);
    CounterValues reviewed = values;
    if (!found.isEmpty()) {
      counters.setIfAbsent(key, found).await().atMost(WRITE_BUDGET);
      Map<String, Long> merged = new HashMap<>(values.fields());
      merged.putAll(found);
      reviewed = new CounterValues(merged);
      LOG.warnf(
          "experiment %s in %s: improbable burst (new visitors %d, about %.1f expected;"
              + " conversions %d, about %.1f expected in the window); results are untrustworthy",
          key.experiment(),
          key.space(),
          visitors.inWindow(),
          visitors.expected(),
          conversions.inWindow(),
          conversions.expected());
    }
    List<String> old = values.bucketsBefore(from);
    if (!old.isEmpty()) {
      counters
          .remove(key, old)
          .subscribe()
          .with(ok -> {}, e -> LOG.debugf("old burst buckets stay: %s", e.getMessage()));
    }
    return new Reviewed(
        reviewed,
        new BurstFindings(
            recorded(reviewed, VISITORS).orElse(visitors),
            recorded(reviewed, CONVERSIONS).orElse(conversions)));
  }

  /** What a stopped experiment's frozen counts say: only a burst recorded while it ran. */
  public static BurstFindings recorded(CounterValues frozen) {
    return new BurstFindings(
        recorded(frozen, VISITORS).orElse(BurstCheck.NONE),
        recorded(frozen, CONVERSIONS).orElse(BurstCheck.NONE));
  }

  private static void latch(
      CounterValues values, String kind, BurstCheck check, Map<String, Long> found) {
    if (check.burst() && values.field(windowField(kind)).isEmpty()) {
      found.put(windowField(kind), check.inWindow());
      found.put(expectedField(kind), Math.round(check.expected() * 1000));
    }
  }

  private static Optional<BurstCheck> recorded(CounterValues values, String kind) {
    return values
        .field(windowField(kind))
        .map(
            window ->
                new BurstCheck(
                    true, true, window, values.field(expectedField(kind)).orElse(0L) / 1000.0));
  }

  private static String windowField(String kind) {
    return "q:" + kind + ":window";
  }

  private static String expectedField(String kind) {
    return "q:" + kind + ":expected";
  }

  /** Counter values with any burst just recorded, and the findings over them. */
  public record Reviewed(CounterValues values, BurstFindings findings) {}
}
