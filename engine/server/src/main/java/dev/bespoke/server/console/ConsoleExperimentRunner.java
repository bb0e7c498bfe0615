package dev.bespoke.server.console;

import dev.bespoke.core.experiment.Arm;
import dev.bespoke.core.experiment.ExperimentSpec;
import dev.bespoke.core.experiment.ExperimentType;
import dev.bespoke.core.stats.ArmCounts;
import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.core.stats.ResultsCalculator;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentEntity;
import dev.bespoke.store.experiment.ExperimentRepository;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.history.Change;
import dev.bespoke.store.history.History;
import dev.bespoke.store.space.SpaceRepository;
import dev.bespoke.ui.spi.ExperimentRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/**
 * Starts and stops experiments and computes their results with the core's {@link
 * ResultsCalculator}.
 *
 * <p>Interim: the experiment counters (issue 5) are not merged yet, so every arm reads zero
 * visitors and the page shows "not enough data"; when the counters land, {@link #counts} reads them
 * and start/stop move to the experiment service.
 */
@ApplicationScoped
public class ConsoleExperimentRunner implements ExperimentRunner {

  private static final String RUNNING = "running";
  private static final String STOPPED = "stopped";

  private final ExperimentRepository repository;
  private final ExperimentService experiments;
  private final SpaceRepository spaces;
  private final History history;
  private final ResultsCalculator calculator = new ResultsCalculator();

  public ConsoleExperimentRunner(
      ExperimentRepository repository,
      ExperimentService experiments,
      SpaceRepository spaces,
      History history) {
    this.repository = repository;
    this.experiments = experiments;
    this.spaces = spaces;
    this.history = history;
  }

  @Override
  @Transactional
  public void start(String space, String key, String actor) {
    move(space, key, actor, "start", RUNNING, List.of(ExperimentEntity.DRAFT, STOPPED));
  }

  @Override
  @Transactional
  public void stop(String space, String key, String actor) {
    move(space, key, actor, "stop", STOPPED, List.of(RUNNING));
  }

  @Override
  public ExperimentResults results(String space, String key) {
    Experiment experiment = experiments.get(space, key);
    ExperimentSpec spec = spec(experiment);
    return calculator.calculate(spec, counts(spec));
  }

  private void move(
      String space, String key, String actor, String action, String to, List<String> from) {
    ExperimentEntity entity = repository.require(spaces.requireWritable(space), key);
    if (!from.contains(entity.status)) {
      throw new ConflictException(
          "cannot " + action + " experiment " + key + ": it is " + entity.status);
    }
    long fromVersion = entity.version;
    entity.status = to;
    repository.flush();
    history.record(
        new Change(space, "experiment", key, action, actor, fromVersion, entity.version, null),
        experiments.get(space, key));
  }

  private static List<ArmCounts> counts(ExperimentSpec spec) {
    return spec.arms().stream().map(a -> new ArmCounts(a.key(), 0, 0)).toList();
  }

  private static ExperimentSpec spec(Experiment e) {
    ExperimentType type = ExperimentType.valueOf(e.type().toUpperCase(Locale.ROOT));
    List<Arm> arms =
        e.arms().stream()
            .map(a -> new Arm(a.key(), a.variant(), a.weight() == null ? 1 : a.weight()))
            .toList();
    return ExperimentSpec.of(
        e.key(),
        type,
        e.trafficPercent() == null ? 100 : e.trafficPercent(),
        arms,
        e.goal(),
        e.alpha() == null ? 0.05 : e.alpha());
  }
}
