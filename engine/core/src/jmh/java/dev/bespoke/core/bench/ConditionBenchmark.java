package dev.bespoke.core.bench;

import dev.bespoke.core.condition.CompiledCondition;
import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.SegmentCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One compiled rule per operator against a rotating set of prebuilt visitor contexts: the cost of a
 * single predicate once a request's context exists.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ConditionBenchmark {

  @Param({
    "eq",
    "neq",
    "in",
    "notIn",
    "contains",
    "startsWith",
    "endsWith",
    "matches",
    "gt",
    "gte",
    "lt",
    "lte",
    "between",
    "exists",
    "notExists",
    "all3",
    "anyNot"
  })
  public String operator;

  private CompiledCondition condition;
  private VisitorContext[] contexts;
  private int next;

  @Setup
  public void setUp() {
    condition = Rules.compile(Rules.BY_OPERATOR.get(operator));
    List<Visitors.Facts> population = Visitors.population(64);
    SegmentCatalog none = SegmentCatalog.empty();
    contexts = population.stream().map(f -> f.context(none)).toArray(VisitorContext[]::new);
  }

  @Benchmark
  public boolean evaluate() {
    VisitorContext context = contexts[next++ & (contexts.length - 1)];
    return condition.test(context);
  }
}
