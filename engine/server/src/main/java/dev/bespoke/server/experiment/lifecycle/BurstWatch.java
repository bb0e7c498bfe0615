package dev.bespoke.server.experiment.lifecycle;

import dev.bespoke.server.experiment.counting.BurstGuard;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the burst check over every running experiment once a bucket, so a burst is recorded while it
 * is still in the window even when nobody reads the results. Every node may run it: the finding is
 * written only where none is yet, so nodes agree.
 */
@ApplicationScoped
public class BurstWatch {

  private final RunningExperimentCounts running;
  private final BurstGuard guard;

  public BurstWatch(RunningExperimentCounts running, BurstGuard guard) {
    this.running = running;
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
    return running.forEach(
        "the burst check",
        (space, experiment, key, counts) -> guard.review(key, counts).findings().burst());
  }
}
