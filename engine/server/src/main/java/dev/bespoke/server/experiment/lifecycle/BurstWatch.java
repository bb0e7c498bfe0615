package dev.bespoke.server.experiment.lifecycle;

import dev.bespoke.server.experiment.counting.BurstGuard;
import dev.bespoke.server.experiment.counting.CounterKey;
import dev.bespoke.server.experiment.counting.ExperimentCounters;
import dev.bespoke.server.experiment.counting.ExperimentCounting;
import dev.bespoke.server.snapshot.RunningExperiment;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs the burst check over every running experiment once a bucket, so a burst is recorded while it
 * is still in the window even when nobody reads the results. Every node may run it: the finding is
 * written only where none is yet, so nodes agree.
 */
@ApplicationScoped
public class BurstWatch {

  private static final Logger LOG = Logger.getLogger(BurstWatch.class);

  private static final Duration READ_BUDGET = Duration.ofSeconds(5);

  private final SnapshotRegistry snapshots;
  private final ExperimentCounters counters;
  private final BurstGuard guard;

  public BurstWatch(SnapshotRegistry snapshots, ExperimentCounters counters, BurstGuard guard) {
    this.snapshots = snapshots;
    this.counters = counters;
    this.guard = guard;
  }

  @Scheduled(
      every = "${bespoke.experiments.burst.bucket:PT1M}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    reviewAll();
  }

  /** Checks every running experiment this node serves; returns how many bursts it now sees. */
  public int reviewAll() {
    int bursts = 0;
    for (String space : snapshots.spaces()) {
      SpaceSnapshot snapshot = snapshots.get(space).orElse(null);
      if (snapshot == null) {
        continue;
      }
      for (RunningExperiment experiment : snapshot.experiments().values()) {
        try {
          CounterKey key = ExperimentCounting.key(space, experiment);
          var values = counters.read(key).await().atMost(READ_BUDGET);
          if (guard.review(key, values).findings().burst()) {
            bursts++;
          }
        } catch (RuntimeException e) {
          LOG.warnf(
              "burst check of experiment %s in %s not run, retried next time: %s",
              experiment.key(), space, e.getMessage());
        }
      }
    }
    return bursts;
  }
}
