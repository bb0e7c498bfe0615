package dev.bespoke.server.console;

import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.core.stats.ResultsCalculator;
import dev.bespoke.server.experiment.lifecycle.ExperimentPromoter;
import dev.bespoke.server.experiment.results.ResultsService;
import dev.bespoke.server.experiment.results.ResultsView;
import dev.bespoke.store.experiment.ExperimentDay;
import dev.bespoke.ui.spi.ExperimentRunner;
import dev.bespoke.ui.spi.Promotion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's experiment actions over the engine's own: start and stop through the experiment
 * lifecycle, results from the same counters and the same {@link ResultsCalculator} as the admin
 * API's results endpoint, so the console never shows different numbers; promotion through the same
 * {@link ExperimentPromoter} (and so the same guard against weak evidence) as the admin API.
 */
@ApplicationScoped
public class ConsoleExperimentRunner implements ExperimentRunner {

  private final dev.bespoke.server.experiment.lifecycle.ExperimentRunner lifecycle;
  private final ResultsService results;
  private final ExperimentPromoter promoter;

  public ConsoleExperimentRunner(
      dev.bespoke.server.experiment.lifecycle.ExperimentRunner lifecycle,
      ResultsService results,
      ExperimentPromoter promoter) {
    this.lifecycle = lifecycle;
    this.results = results;
    this.promoter = promoter;
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

  /**
   * The counts the results service read (live or frozen at stop) with its burst findings, analysed
   * by the core.
   */
  @Override
  public ExperimentResults results(String space, String key) {
    return results.computed(space, key);
  }

  @Override
  public Promotion planPromotion(String space, String key, Optional<String> arm) {
    ExperimentPromoter.Plan plan = promoter.plan(space, key, arm);
    return new Promotion(
        plan.arm(), plan.variant(), plan.evidence(), plan.unpublish(), plan.keepAsDefault());
  }

  @Override
  public Promotion promote(
      String space, String key, Optional<String> arm, boolean acceptInconclusive, String actor) {
    ExperimentPromoter.Promotion done =
        promoter.promote(space, key, arm, acceptInconclusive, actor);
    return new Promotion(
        done.arm(), done.variant(), done.evidence(), done.unpublished(), done.keptAsDefault());
  }
}
