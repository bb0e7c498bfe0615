package dev.bespoke.core.bench;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.Decider;
import dev.bespoke.core.decision.Decision;
import dev.bespoke.core.decision.DecisionInput;
import dev.bespoke.core.decision.SegmentCatalog;
import dev.bespoke.core.decision.SegmentMatch;
import dev.bespoke.core.decision.SlotRule;
import dev.bespoke.core.decision.Strategy;
import dev.bespoke.core.decision.VariantRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The decision target of DESIGN.md: one slot with 50 variants over 20 segments, and a page of three
 * such slots, for a visitor whose context (and so whose segment memo) is new on every request, as
 * it is in the server. The context build is measured alone too, so its share can be subtracted.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DecisionBenchmark {

  private static final int VISITORS = 256;

  private SegmentCatalog catalog;
  private Decider decider;
  private SlotRule hero;
  private SlotRule[] page;
  private Visitors.Facts[] facts;
  private DecisionInput[] inputs;
  private VisitorContext[] prebuilt;
  private int next;

  @Setup
  public void setUp() {
    catalog = SegmentCatalog.compile(Rules.parseAll(Rules.SEGMENTS));
    decider = new Decider(catalog);
    List<String> segmentKeys = List.copyOf(Rules.SEGMENTS.keySet());
    hero = slot("home-hero", 50, segmentKeys, 1);
    page =
        new SlotRule[] {
          hero, slot("promo-bar", 50, segmentKeys, 2), slot("pdp-cross-sell", 50, segmentKeys, 3)
        };
    List<Visitors.Facts> population = Visitors.population(VISITORS);
    facts = population.toArray(Visitors.Facts[]::new);
    inputs = new DecisionInput[VISITORS];
    prebuilt = new VisitorContext[VISITORS];
    for (int i = 0; i < VISITORS; i++) {
      inputs[i] =
          new DecisionInput(
              (String) facts[i].attributes().get("channel"),
              (String) facts[i].attributes().get("locale"),
              "visitor-" + i,
              Set.of(),
              false);
      prebuilt[i] = facts[i].context(catalog);
    }
  }

  /** The target: build the request's context, then decide one 50-variant slot. */
  @Benchmark
  public Decision oneSlot() {
    int i = next++ & (VISITORS - 1);
    return decider.decide(hero, facts[i].context(catalog), inputs[i]);
  }

  /** Three 50-variant slots for one visitor: segments shared between slots are evaluated once. */
  @Benchmark
  public void pageOfThreeSlots(Blackhole bh) {
    int i = next++ & (VISITORS - 1);
    VisitorContext context = facts[i].context(catalog);
    for (SlotRule slot : page) {
      bh.consume(decider.decide(slot, context, inputs[i]));
    }
  }

  /** {@link #pageOfThreeSlots} without JMH's blackhole, for {@link CpuTime}. */
  int page() {
    int i = next++ & (VISITORS - 1);
    VisitorContext context = facts[i].context(catalog);
    int chosen = 0;
    for (SlotRule slot : page) {
      chosen += decider.decide(slot, context, inputs[i]).variant().hashCode();
    }
    return chosen;
  }

  /** The context build alone (attributes, behaviour counters, scores), to split the cost. */
  @Benchmark
  public VisitorContext contextOnly() {
    return facts[next++ & (VISITORS - 1)].context(catalog);
  }

  /**
   * Deciding again on a context whose segments are already known: the selection work without rule
   * evaluation.
   */
  @Benchmark
  public Decision oneSlotWarmContext() {
    int i = next++ & (VISITORS - 1);
    return decider.decide(hero, prebuilt[i], inputs[i]);
  }

  /**
   * A slot as editors build them: each variant targets one to three of the space's segments, some
   * need all of them, a few serve one channel only, priorities spread so ties are rare but happen.
   */
  static SlotRule slot(String key, int variants, List<String> segmentKeys, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<VariantRule> rules = new ArrayList<>(variants);
    for (int v = 0; v < variants - 1; v++) {
      int tagged = 1 + random.nextInt(3);
      List<String> segments = new ArrayList<>(tagged);
      while (segments.size() < tagged) {
        String s = segmentKeys.get(random.nextInt(segmentKeys.size()));
        if (!segments.contains(s)) {
          segments.add(s);
        }
      }
      Set<String> channels =
          switch (random.nextInt(5)) {
            case 0 -> Set.of("mobile");
            case 1 -> Set.of("web");
            default -> Set.of();
          };
      rules.add(
          new VariantRule(
              key + "-v" + v,
              segments,
              random.nextInt(4) == 0 ? SegmentMatch.ALL : SegmentMatch.ANY,
              channels,
              Set.of(),
              random.nextInt(10),
              1,
              null,
              null,
              false,
              null));
    }
    rules.add(
        new VariantRule(
            key + "-default",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            0,
            1,
            null,
            null,
            true,
            null));
    return new SlotRule(key, Set.of("web", "mobile"), Strategy.FIRST_MATCH, rules);
  }
}
