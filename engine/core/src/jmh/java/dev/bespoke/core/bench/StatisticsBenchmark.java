package dev.bespoke.core.bench;

import dev.bespoke.core.experiment.Arm;
import dev.bespoke.core.experiment.ExperimentSpec;
import dev.bespoke.core.experiment.ExperimentType;
import dev.bespoke.core.stats.AlwaysValidTest;
import dev.bespoke.core.stats.ArmCounts;
import dev.bespoke.core.stats.BanditArm;
import dev.bespoke.core.stats.ChanceToBeat;
import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.core.stats.FixedHorizonTest;
import dev.bespoke.core.stats.Interval;
import dev.bespoke.core.stats.ResultsCalculator;
import dev.bespoke.core.stats.SampleSize;
import dev.bespoke.core.stats.SequentialEvidence;
import dev.bespoke.core.stats.SrmCheck;
import dev.bespoke.core.stats.ThompsonSampler;
import dev.bespoke.core.stats.Wilson;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * The experiment statistics at the sizes a results page sees (tens of thousands of visitors per
 * arm). None of these run per request except the bandit's choice; the figures tell how often a
 * results page or a bandit may recompute.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class StatisticsBenchmark {

  private final ArmCounts control = new ArmCounts("control", 48_210, 2_410);
  private final ArmCounts variant = new ArmCounts("b", 48_007, 2_655);
  private final AlwaysValidTest alwaysValid = new AlwaysValidTest();
  private final ResultsCalculator calculator = new ResultsCalculator();
  private final ThompsonSampler sampler = new ThompsonSampler();
  private final long[] srmVisitors = {48_210, 48_007, 47_880};
  private final long[] srmWeights = {1, 1, 1};
  private ExperimentSpec experiment;
  private List<ArmCounts> counts;
  private List<BanditArm> banditArms;
  private SplittableRandom random;

  @Setup
  public void setUp() {
    experiment =
        ExperimentSpec.of(
            "hero-copy-test",
            ExperimentType.AB,
            100,
            List.of(
                new Arm("control", "hero-a", 1),
                new Arm("b", "hero-b", 1),
                new Arm("c", "hero-c", 1)),
            "purchase",
            0.05);
    counts = List.of(control, variant, new ArmCounts("c", 47_880, 2_377));
    banditArms =
        List.of(
            new BanditArm("a", 12_000, 540),
            new BanditArm("b", 11_400, 610),
            new BanditArm("c", 9_800, 402),
            new BanditArm("d", 3_100, 150));
    random = new SplittableRandom(7);
  }

  @Benchmark
  public Interval wilson() {
    return Wilson.interval(variant);
  }

  @Benchmark
  public FixedHorizonTest fixedHorizon() {
    return FixedHorizonTest.compare(control, variant, 0.05);
  }

  @Benchmark
  public SequentialEvidence alwaysValid() {
    return alwaysValid.evaluate(control, variant, 0.05);
  }

  @Benchmark
  public double chanceToBeat() {
    return ChanceToBeat.probability(control, variant);
  }

  @Benchmark
  public SrmCheck srm() {
    return SrmCheck.test(srmVisitors, srmWeights);
  }

  @Benchmark
  public long sampleSize() {
    return SampleSize.visitorsPerArm(0.05, 0.005, 0.05, 0.8);
  }

  @Benchmark
  public String thompsonChoice() {
    return sampler.choose(banditArms, random);
  }

  /** The whole results page of a three-arm experiment. */
  @Benchmark
  public ExperimentResults resultsOfThreeArms() {
    return calculator.calculate(experiment, counts);
  }
}
