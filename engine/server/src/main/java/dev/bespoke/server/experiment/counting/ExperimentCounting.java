package dev.bespoke.server.experiment.counting;

import dev.bespoke.server.delivery.DecisionTokens;
import dev.bespoke.server.experiment.ExperimentConfig;
import dev.bespoke.server.snapshot.RunningExperiment;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The counters as the delivery and event paths use them: which run an experiment's counts belong
 * to, which day and burst bucket it is in the space, the unit a visitor is counted as, and how soon
 * after an exposure a conversion may count.
 */
@ApplicationScoped
public class ExperimentCounting {

  private final ExperimentCounters counters;
  private final Clock clock;
  private final long bucketMillis;
  private final long minTimeToConvertMillis;

  public ExperimentCounting(ExperimentCounters counters, Clock clock, ExperimentConfig config) {
    this.counters = counters;
    this.clock = clock;
    this.bucketMillis = config.burst().bucket().toMillis();
    this.minTimeToConvertMillis = config.minTimeToConvert().toMillis();
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
    return counters.expose(key(space.space(), experiment), unit(visitorId), arm, now(space));
  }

  public Uni<ConversionOutcome> convert(
      SpaceSnapshot space, RunningExperiment experiment, String visitorId) {
    return counters.convert(
        key(space.space(), experiment), unit(visitorId), now(space), minTimeToConvertMillis);
  }

  public Uni<Void> exclude(SpaceSnapshot space, RunningExperiment experiment, Exclusion reason) {
    return counters.exclude(key(space.space(), experiment), reason);
  }

  public ExperimentCounters counters() {
    return counters;
  }

  /** The burst bucket an instant falls in. */
  public long bucket(Instant at) {
    return Math.floorDiv(at.toEpochMilli(), bucketMillis);
  }

  private Moment now(SpaceSnapshot space) {
    Instant at = clock.instant();
    return new Moment(LocalDate.ofInstant(at, space.zone()), bucket(at), at.toEpochMilli());
  }
}
