package dev.bespoke.ui.spi;

import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.store.experiment.ExperimentDay;
import java.util.List;
import java.util.Optional;

/** Starts, stops and reads experiments: the counts live in the engine, not the content store. */
public interface ExperimentRunner {

  void start(String space, String key, String actor);

  void stop(String space, String key, String actor);

  ExperimentResults results(String space, String key);

  /** New visitors and conversions per arm and day, oldest day first: the lift chart's data. */
  List<ExperimentDay> daily(String space, String key);

  /**
   * What promoting {@code arm} (empty: the significant winner) would do now; changes nothing.
   *
   * @throws dev.bespoke.store.common.ConflictException when there is nothing to promote: a holdout,
   *     a draft, or no significant winner while no arm is named
   */
  Promotion planPromotion(String space, String key, Optional<String> arm);

  /**
   * Stops the experiment and unpublishes the losing arms' variants.
   *
   * @param acceptInconclusive go ahead although the arm is not a significant winner
   * @throws dev.bespoke.store.common.ConflictException when refused, nothing changed
   */
  Promotion promote(
      String space, String key, Optional<String> arm, boolean acceptInconclusive, String actor);
}
