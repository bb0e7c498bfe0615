package dev.bespoke.ui.spi;

import dev.bespoke.core.stats.ExperimentResults;

/** Starts, stops and reads experiments: the counts live in the engine, not the content store. */
public interface ExperimentRunner {

  void start(String space, String key, String actor);

  void stop(String space, String key, String actor);

  ExperimentResults results(String space, String key);
}
