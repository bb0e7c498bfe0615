package dev.bespoke.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The same scenarios as the JMH benchmarks, timed in CPU time of the measuring thread instead of
 * wall-clock time. On a machine shared with other work, wall-clock samples include the time the
 * thread waited for a core; CPU time does not, so this tells what a decision costs once it runs.
 * Reports the median and p99 over chunks of {@value #CHUNK} operations (CPU-time clocks tick too
 * coarsely to time one operation).
 *
 * <p>{@code java -cp engine/core/target/jmh/benchmarks.jar dev.bespoke.core.bench.CpuTime [scenario
 * filter]}
 */
public final class CpuTime {

  private static final int CHUNK = 2_000;
  private static final int WARMUP_CHUNKS = 1_500;
  private static final int CHUNKS = 1_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {}

  public static void main(String[] args) {
    Map<String, IntSupplier> scenarios = new LinkedHashMap<>();
    DecisionBenchmark decision = new DecisionBenchmark();
    decision.setUp();
    scenarios.put(
        "decision: one slot, 50 variants, 20 segments (with context build)",
        () -> decision.oneSlot().hashCode());
    scenarios.put("decision: page of 3 slots (with context build)", decision::page);
    scenarios.put("decision: context build only", () -> decision.contextOnly().hashCode());
    scenarios.put(
        "decision: one slot, segments already known",
        () -> decision.oneSlotWarmContext().hashCode());
    BucketingBenchmark bucketing = new BucketingBenchmark();
    bucketing.setUp();
    scenarios.put("bucketing: assign, 3-arm A/B", () -> bucketing.assignAbc().hashCode());
    for (String op : Rules.BY_OPERATOR.keySet()) {
      ConditionBenchmark condition = new ConditionBenchmark();
      condition.operator = op;
      condition.setUp();
      scenarios.put("condition: " + op, () -> condition.evaluate() ? 1 : 0);
    }
    System.out.println("| scenario | CPU ns/op, median | CPU ns/op, p99 |");
    System.out.println("|---|---:|---:|");
    String only = args.length > 0 ? args[0] : "";
    for (Map.Entry<String, IntSupplier> e : scenarios.entrySet()) {
      if (!e.getKey().contains(only)) {
        continue;
      }
      double[] perOp = measure(e.getValue());
      System.out.printf("| %s | %.0f | %.0f |%n", e.getKey(), perOp[0], perOp[1]);
    }
  }

  private static double[] measure(IntSupplier op) {
    int sink = 0;
    for (int c = 0; c < WARMUP_CHUNKS; c++) {
      for (int i = 0; i < CHUNK; i++) {
        sink += op.getAsInt();
      }
    }
    double[] chunks = new double[CHUNKS];
    for (int c = 0; c < CHUNKS; c++) {
      long started = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < CHUNK; i++) {
        sink += op.getAsInt();
      }
      chunks[c] = (THREADS.getCurrentThreadCpuTime() - started) / (double) CHUNK;
    }
    if (sink == 42) {
      // Keeps the JIT from proving the results unused.
      System.out.print("");
    }
    Arrays.sort(chunks);
    return new double[] {chunks[CHUNKS / 2], chunks[(int) (CHUNKS * 0.99)]};
  }
}
