package dev.bespoke.server.experiment.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.experiment.ExperimentConfig;
import dev.bespoke.server.experiment.counting.BurstGuard;
import dev.bespoke.server.experiment.counting.CounterKey;
import dev.bespoke.server.experiment.counting.CounterValues;
import dev.bespoke.server.experiment.counting.ExperimentCounters;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentSeries;
import dev.bespoke.store.experiment.ExperimentService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Starts and stops experiments. Stopping reads the counters and freezes them with the stop, in the
 * same transaction as the status change, so the results of a stopped experiment are exactly the
 * counts at the moment it stopped; late events for it are not counted anywhere.
 */
@ApplicationScoped
public class ExperimentRunner {

  private static final Logger LOG = Logger.getLogger(ExperimentRunner.class);

  /** The longest a stop waits for the counters; a stop that cannot read them does not happen. */
  static final Duration READ_BUDGET = Duration.ofSeconds(5);

  private final ExperimentService experiments;
  private final ExperimentCounters counters;
  private final ExperimentSeries series;
  private final ExperimentConfig config;
  private final ObjectMapper json;
  private final BurstGuard burstGuard;

  public ExperimentRunner(
      ExperimentService experiments,
      ExperimentCounters counters,
      ExperimentSeries series,
      ExperimentConfig config,
      ObjectMapper json,
      BurstGuard burstGuard) {
    this.burstGuard = burstGuard;
    this.experiments = experiments;
    this.counters = counters;
    this.series = series;
    this.config = config;
    this.json = json;
  }

  public Experiment start(String space, String key, String actor) {
    return experiments.start(space, key, actor);
  }

  public Experiment stop(String space, String key, String actor) {
    Experiment current = experiments.get(space, key);
    if (!"running".equals(current.status())) {
      throw new ConflictException(
          "experiment " + key + " is " + current.status() + ", not running");
    }
    CounterKey counterKey = CounterKey.of(space, key, current.startedAt());
    // A burst still in the window is recorded first, so the frozen counts keep the finding.
    CounterValues values =
        burstGuard
            .review(counterKey, counters.read(counterKey).await().atMost(READ_BUDGET))
            .values();
    Experiment stopped = experiments.stop(space, key, actor, write(values));
    series.replace(space, key, values.days());
    counters
        .expire(counterKey, config.stoppedCountersTtl())
        .subscribe()
        .with(ok -> {}, e -> LOG.debugf("stopped counters keep no expiry: %s", e.getMessage()));
    return stopped;
  }

  /** The counts a stop kept, as they were read. */
  public CounterValues frozen(String frozenJson) {
    try {
      return new CounterValues(
          json.readValue(
              frozenJson,
              json.getTypeFactory()
                  .constructMapType(java.util.Map.class, String.class, Long.class)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("frozen counts do not parse", e);
    }
  }

  private String write(CounterValues values) {
    try {
      return json.writeValueAsString(values.fields());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("counts always serialise", e);
    }
  }
}
