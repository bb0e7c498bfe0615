package dev.bespoke.core.bench;

import dev.bespoke.core.experiment.Arm;
import dev.bespoke.core.experiment.Assignment;
import dev.bespoke.core.experiment.Bucketing;
import dev.bespoke.core.experiment.ExperimentSpec;
import dev.bespoke.core.experiment.ExperimentType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Experiment assignment: the two salted MurmurHash3 draws and the arm lookup. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BucketingBenchmark {

  private ExperimentSpec abc;
  private ExperimentSpec holdout;
  private String[] visitorIds;
  private int next;

  @Setup
  public void setUp() {
    abc =
        ExperimentSpec.of(
            "hero-copy-test",
            ExperimentType.AB,
            80,
            List.of(
                new Arm("control", "hero-a", 1),
                new Arm("b", "hero-b", 1),
                new Arm("c", "hero-c", 1)),
            "purchase",
            0.05);
    holdout =
        ExperimentSpec.of(
            "personalisation-holdout",
            ExperimentType.HOLDOUT,
            100,
            List.of(Arm.of("control", 10), Arm.of("personalised", 90)),
            "signup",
            0.05);
    visitorIds = new String[1024];
    for (int i = 0; i < visitorIds.length; i++) {
      // The shape of a real anonymous id: a random UUID-like string.
      visitorIds[i] = java.util.UUID.nameUUIDFromBytes(("v" + i).getBytes()).toString();
    }
  }

  @Benchmark
  public Assignment assignAbc() {
    return Bucketing.assign(abc, visitorIds[next++ & (visitorIds.length - 1)]);
  }

  @Benchmark
  public Assignment assignHoldout() {
    return Bucketing.assign(holdout, visitorIds[next++ & (visitorIds.length - 1)]);
  }

  @Benchmark
  public int bucketOnly() {
    return Bucketing.bucket("hero-copy-test:arm", visitorIds[next++ & (visitorIds.length - 1)]);
  }
}
