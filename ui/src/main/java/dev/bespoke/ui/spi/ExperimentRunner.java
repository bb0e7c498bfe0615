package dev.bespoke.ui.spi;

import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.store.experiment.ExperimentDay;
import java.util.List;

/** Starts, stops and reads experiments: the counts live in the engine, not the content store. */
public interface ExperimentRunner {

  void start(String space, String key, String actor);

  void stop(String space, String key, String actor);

  ExperimentResults results(String space, String key);

  /** New visitors and conversions per arm and day, oldest day first: the lift chart's data. */
  List<ExperimentDay> daily(String space, String key);
}
