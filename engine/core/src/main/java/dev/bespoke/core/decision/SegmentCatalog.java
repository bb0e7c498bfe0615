package dev.bespoke.core.decision;

import dev.bespoke.core.condition.All;
import dev.bespoke.core.condition.Any;
import dev.bespoke.core.condition.CompiledCondition;
import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionCompiler;
import dev.bespoke.core.condition.Not;
import dev.bespoke.core.condition.Operand;
import dev.bespoke.core.condition.Predicate;
import dev.bespoke.core.condition.Value;
import dev.bespoke.core.context.VisitorContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * A space's published segments, compiled once. It answers the visitor context's {@code inSegment}
 * questions and describes each segment's rule for decision reasons.
 */
public final class SegmentCatalog {

  private final Map<String, Entry> segments;

  private SegmentCatalog(Map<String, Entry> segments) {
    // HashMap, not Map.copyOf: similar keys (seg-001, seg-002…) cluster in Map.copyOf's open
    // addressing, and this map is read for every segment test of every decision.
    this.segments = Collections.unmodifiableMap(new HashMap<>(segments));
  }

  /** Compiles every rule; call once per publish, never per request. */
  public static SegmentCatalog compile(Map<String, Condition> rules) {
    ConditionCompiler compiler = new ConditionCompiler();
    Map<String, Entry> compiled = new HashMap<>();
    rules.forEach(
        (key, rule) -> compiled.put(key, new Entry(compiler.compile(rule), rule.toString(), rule)));
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

  /** Every segment the visitor is in now, in key order. */
  public List<String> matching(VisitorContext context) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, Entry> entry : new TreeMap<>(segments).entrySet()) {
      if (entry.getValue().condition().test(context)) {
        keys.add(entry.getKey());
      }
    }
    return keys;
  }

  /**
   * The attributes a segment's rule reads, those of segments it names through {@code inSegment}
   * included, in name order: the data the segment used, for a visitor's own export.
   */
  public Set<String> attributesOf(String key) {
    Set<String> attributes = new TreeSet<>();
    collect(key, attributes, new HashSet<>());
    return attributes;
  }

  private void collect(String key, Set<String> into, Set<String> visited) {
    Entry entry = segments.get(key);
    if (entry != null && visited.add(key)) {
      walk(entry.rule(), into, visited);
    }
  }

  private void walk(Condition condition, Set<String> into, Set<String> visited) {
    if (condition instanceof All all) {
      all.conditions().forEach(c -> walk(c, into, visited));
    } else if (condition instanceof Any any) {
      any.conditions().forEach(c -> walk(c, into, visited));
    } else if (condition instanceof Not not) {
      walk(not.condition(), into, visited);
    } else if (condition instanceof Predicate p) {
      if (p.attribute() != null) {
        into.add(p.attribute());
      } else if (p.operand() instanceof Operand.One one && one.value() instanceof Value.Text text) {
        collect(text.value(), into, visited);
      }
    }
  }

  private record Entry(CompiledCondition condition, String ruleText, Condition rule) {}
}
