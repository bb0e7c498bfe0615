package dev.bespoke.server.experiment.lifecycle;

import dev.bespoke.store.experiment.ExperimentSeries;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Copies every running experiment's daily series from the counters to the database, for the
 * console's charts. Every node may run it: each flush replaces the series with what the shared
 * counters hold, so flushes from several nodes agree.
 */
@ApplicationScoped
public class SeriesFlusher {

  private final RunningExperimentCounts running;
  private final ExperimentSeries series;

  public SeriesFlusher(RunningExperimentCounts running, ExperimentSeries series) {
    this.running = running;
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
    return running.forEach(
        "flushing the daily series",
        (space, experiment, key, counts) -> {
          series.replace(space, experiment.key(), counts.days());
          return true;
        });
  }
}
