package dev.bespoke.server.experiment.counting;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of one experiment. The run is the start time: should a key ever start a second time, its
 * counters begin empty instead of mixing two populations.
 */
public record CounterKey(String space, String experiment, long run) {

  public CounterKey {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(experiment, "experiment");
  }

  public static CounterKey of(String space, String experiment, Instant startedAt) {
    return new CounterKey(space, experiment, startedAt == null ? 0 : startedAt.toEpochMilli());
  }

  /** The Redis hash tag: all keys of one run share a cluster slot, so one script can touch them. */
  String tag() {
    return "{" + space + ":" + experiment + ":" + run + "}";
  }
}
