package dev.bespoke.core.decision;

import dev.bespoke.core.condition.CompiledCondition;
import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionCompiler;
import dev.bespoke.core.context.VisitorContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A space's published segments, compiled once. It answers the visitor context's {@code inSegment}
 * questions and describes each segment's rule for decision reasons.
 */
public final class SegmentCatalog {

  private final Map<String, Entry> segments;

  private SegmentCatalog(Map<String, Entry> segments) {
    this.segments = Map.copyOf(segments);
  }

  /** Compiles every rule; call once per publish, never per request. */
  public static SegmentCatalog compile(Map<String, Condition> rules) {
    ConditionCompiler compiler = new ConditionCompiler();
    Map<String, Entry> compiled = new HashMap<>();
    rules.forEach(
        (key, rule) -> compiled.put(key, new Entry(compiler.compile(rule), rule.toString())));
    return new SegmentCatalog(compiled);
  }

  public static SegmentCatalog empty() {
    return new SegmentCatalog(Map.of());
  }

  /**
   * For {@link VisitorContext.Builder#segmentResolver(BiPredicate)}: an unknown segment is not a
   * match (fail closed), so a variant tagged with a segment that was unpublished is not shown to
   * anyone through it.
   */
  public BiPredicate<VisitorContext, String> resolver() {
    return (context, key) -> {
      Entry entry = segments.get(key);
      return entry != null && entry.condition().test(context);
    };
  }

  /** The rule as it reads, for example {@code geo.country in [NL, BE]}. */
  public Optional<String> describe(String key) {
    return Optional.ofNullable(segments.get(key)).map(Entry::ruleText);
  }

  public boolean contains(String key) {
    return segments.containsKey(key);
  }

  public int size() {
    return segments.size();
  }

  private record Entry(CompiledCondition condition, String ruleText) {}
}
