package dev.bespoke.server.experiment.counting;

import dev.bespoke.server.delivery.DecisionTokens;
import dev.bespoke.server.snapshot.RunningExperiment;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The counters as the delivery and event paths use them: which run an experiment's counts belong
 * to, which day it is in the space, and the unit a visitor is counted as.
 */
@ApplicationScoped
public class ExperimentCounting {

  private final ExperimentCounters counters;
  private final Clock clock;

  public ExperimentCounting(ExperimentCounters counters, Clock clock) {
    this.counters = counters;
    this.clock = clock;
  }

  /**
   * The unit a visitor is counted as: the same short one-way digest that binds decision ids to
   * their visitor, so the counters never hold a visitor id (which is a credential).
   */
  public static String unit(String visitorId) {
    return DecisionTokens.visitorDigest(visitorId);
  }

  public static CounterKey key(String space, RunningExperiment experiment) {
    return CounterKey.of(space, experiment.key(), experiment.startedAt());
  }

  public Uni<Exposure> expose(
      SpaceSnapshot space, RunningExperiment experiment, String visitorId, String arm) {
    return counters.expose(key(space.space(), experiment), unit(visitorId), arm, today(space));
  }

  public Uni<ConversionOutcome> convert(
      SpaceSnapshot space, RunningExperiment experiment, String visitorId) {
    return counters.convert(key(space.space(), experiment), unit(visitorId), today(space));
  }

  public Uni<Void> exclude(SpaceSnapshot space, RunningExperiment experiment, Exclusion reason) {
    return counters.exclude(key(space.space(), experiment), reason);
  }

  public ExperimentCounters counters() {
    return counters;
  }

  private LocalDate today(SpaceSnapshot space) {
    return LocalDate.ofInstant(clock.instant(), space.zone());
  }
}
