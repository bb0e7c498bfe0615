package dev.bespoke.server.console;

import dev.bespoke.core.stats.ArmCounts;
import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.core.stats.ResultsCalculator;
import dev.bespoke.server.experiment.ExperimentSpecs;
import dev.bespoke.server.experiment.results.ResultsService;
import dev.bespoke.server.experiment.results.ResultsView;
import dev.bespoke.store.experiment.ExperimentDay;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.ui.spi.ExperimentRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's experiment actions over the engine's own: start and stop through the experiment
 * lifecycle, results from the same counters and the same {@link ResultsCalculator} as the admin
 * API's results endpoint, so the console never shows different numbers.
 */
@ApplicationScoped
public class ConsoleExperimentRunner implements ExperimentRunner {

  private final dev.bespoke.server.experiment.lifecycle.ExperimentRunner lifecycle;
  private final ResultsService results;
  private final ExperimentService experiments;
  private final ResultsCalculator calculator = new ResultsCalculator();

  public ConsoleExperimentRunner(
      dev.bespoke.server.experiment.lifecycle.ExperimentRunner lifecycle,
      ResultsService results,
      ExperimentService experiments) {
    this.lifecycle = lifecycle;
    this.results = results;
    this.experiments = experiments;
  }

  @Override
  public void start(String space, String key, String actor) {
    lifecycle.start(space, key, actor);
  }

  @Override
  public void stop(String space, String key, String actor) {
    lifecycle.stop(space, key, actor);
  }

  /** The results' daily series, flattened back to one row per arm and day. */
  @Override
  public List<ExperimentDay> daily(String space, String key) {
    List<ExperimentDay> days = new ArrayList<>();
    for (ResultsView.DayView day : results.results(space, key).daily()) {
      for (ResultsView.DayArm arm : day.arms()) {
        days.add(new ExperimentDay(day.date(), arm.arm(), arm.visitors(), arm.conversions()));
      }
    }
    return days;
  }

  /** The counts the results service read (live or frozen at stop), analysed by the core. */
  @Override
  public ExperimentResults results(String space, String key) {
    ResultsView view = results.results(space, key);
    List<ArmCounts> counts =
        view.arms().stream()
            .map(a -> new ArmCounts(a.key(), a.visitors(), a.conversions()))
            .toList();
    return calculator.calculate(ExperimentSpecs.of(experiments.get(space, key)), counts);
  }
}
