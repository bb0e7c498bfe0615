package dev.bespoke.server.experiment.lifecycle;

import dev.bespoke.server.experiment.counting.CounterValues;
import dev.bespoke.server.experiment.counting.ExperimentCounters;
import dev.bespoke.server.experiment.counting.ExperimentCounting;
import dev.bespoke.server.snapshot.RunningExperiment;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import dev.bespoke.store.experiment.ExperimentSeries;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Copies every running experiment's daily series from the counters to the database, for the
 * console's charts. Every node may run it: each flush replaces the series with what the shared
 * counters hold, so flushes from several nodes agree.
 */
@ApplicationScoped
public class SeriesFlusher {

  private static final Logger LOG = Logger.getLogger(SeriesFlusher.class);

  private static final Duration READ_BUDGET = Duration.ofSeconds(5);

  private final SnapshotRegistry snapshots;
  private final ExperimentCounters counters;
  private final ExperimentSeries series;

  public SeriesFlusher(
      SnapshotRegistry snapshots, ExperimentCounters counters, ExperimentSeries series) {
    this.snapshots = snapshots;
    this.counters = counters;
    this.series = series;
  }

  @Scheduled(
      every = "${bespoke.experiments.flush-interval:PT5M}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    flushAll();
  }

  /** Flushes every running experiment this node serves; returns how many were flushed. */
  public int flushAll() {
    int flushed = 0;
    for (String space : snapshots.spaces()) {
      SpaceSnapshot snapshot = snapshots.get(space).orElse(null);
      if (snapshot == null) {
        continue;
      }
      for (RunningExperiment experiment : snapshot.experiments().values()) {
        try {
          CounterValues values =
              counters.read(ExperimentCounting.key(space, experiment)).await().atMost(READ_BUDGET);
          series.replace(space, experiment.key(), values.days());
          flushed++;
        } catch (RuntimeException e) {
          LOG.warnf(
              "daily series of experiment %s in %s not flushed, retried next time: %s",
              experiment.key(), space, e.getMessage());
        }
      }
    }
    return flushed;
  }
}
