package dev.bespoke.server.experiment.lifecycle;

import dev.bespoke.server.experiment.counting.CounterKey;
import dev.bespoke.server.experiment.counting.CounterValues;
import dev.bespoke.server.experiment.counting.ExperimentCounters;
import dev.bespoke.server.experiment.counting.ExperimentCounting;
import dev.bespoke.server.snapshot.RunningExperiment;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The walk the periodic jobs share: every running experiment this node serves, with its current
 * counts. One experiment whose counts cannot be read is logged and retried on the next run; the
 * others go on.
 */
@ApplicationScoped
public class RunningExperimentCounts {

  private static final Logger LOG = Logger.getLogger(RunningExperimentCounts.class);

  private static final Duration READ_BUDGET = Duration.ofSeconds(5);

  /** What a job does with one experiment's counts; answers whether it counts towards the total. */
  @FunctionalInterface
  public interface Visit {
    boolean visit(String space, RunningExperiment experiment, CounterKey key, CounterValues counts);
  }

  private final SnapshotRegistry snapshots;
  private final ExperimentCounters counters;

  public RunningExperimentCounts(SnapshotRegistry snapshots, ExperimentCounters counters) {
    this.snapshots = snapshots;
    this.counters = counters;
  }

  /**
   * Visits each running experiment; {@code failure} completes "… of experiment X in Y not …" in the
   * log line of one that failed. Answers how many visits answered {@code true}.
   */
  public int forEach(String failure, Visit visit) {
    int counted = 0;
    for (String space : snapshots.spaces()) {
      SpaceSnapshot snapshot = snapshots.get(space).orElse(null);
      if (snapshot == null) {
        continue;
      }
      for (RunningExperiment experiment : snapshot.experiments().values()) {
        try {
          CounterKey key = ExperimentCounting.key(space, experiment);
          CounterValues values = counters.read(key).await().atMost(READ_BUDGET);
          if (visit.visit(space, experiment, key, values)) {
            counted++;
          }
        } catch (RuntimeException e) {
          LOG.warnf(
              "%s of experiment %s in %s failed, retried next time: %s",
              failure, experiment.key(), space, e.getMessage());
        }
      }
    }
    return counted;
  }
}
