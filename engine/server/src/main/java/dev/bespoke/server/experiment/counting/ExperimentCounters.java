package dev.bespoke.server.experiment.counting;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Exact experiment counters. Every operation is atomic per experiment run: the check whether a
 * visitor was already counted and the increment happen in one step, so concurrent requests on any
 * number of nodes never count a visitor twice or lose one. Visitors are named by a one-way digest
 * of their id ({@code unit}), never the id itself.
 *
 * <p>Two implementations behind this one interface: Redis ({@code bespoke.profile.store=redis},
 * shared by every node) and in-process (the embedded default).
 */
public interface ExperimentCounters {

  /**
   * Counts the unit as exposed in {@code arm} unless it was exposed before, remembering when.
   *
   * @return the arm the unit is counted in (its first), and whether this call counted it
   */
  Uni<Exposure> expose(CounterKey key, String unit, String arm, Moment at);

  /**
   * Counts the unit's conversion once, in the arm of its exposure, if that exposure is at least
   * {@code minDelayMillis} older than {@code at}; an exposure counted before exposure times were
   * kept counts as old enough.
   */
  Uni<ConversionOutcome> convert(CounterKey key, String unit, Moment at, long minDelayMillis);

  /** Counts one excluded event. */
  Uni<Void> exclude(CounterKey key, Exclusion reason);

  /** Sets each field that is not set yet; a field already set keeps its value. */
  Uni<Void> setIfAbsent(CounterKey key, Map<String, Long> fields);

  /** Removes counter fields (burst buckets that left the window). */
  Uni<Void> remove(CounterKey key, Collection<String> fields);

  /** Every counter field of the run. */
  Uni<CounterValues> read(CounterKey key);

  /** Lets the run's counters go after {@code ttl} (they were frozen in the database). */
  Uni<Void> expire(CounterKey key, Duration ttl);

  /** "redis" or "in-process", for logs. */
  String kind();
}
