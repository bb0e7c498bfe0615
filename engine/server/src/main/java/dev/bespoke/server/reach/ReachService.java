package dev.bespoke.server.reach;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.core.condition.CompiledCondition;
import dev.bespoke.core.condition.ConditionCompiler;
import dev.bespoke.core.condition.ConditionException;
import dev.bespoke.core.condition.ConditionParser;
import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.SegmentCatalog;
import dev.bespoke.server.reach.RecentVisitors.Sample;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.space.SpaceService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Evaluates segment rules against this node's sample of recently seen visitors. A segment's own
 * rule is its latest saved one (draft or published: what the editor is working on); segments it
 * names through {@code inSegment} are the published ones, unless an unsaved rule for them is given
 * too.
 */
@ApplicationScoped
public class ReachService {

  private final RecentVisitors recent;
  private final SnapshotRegistry snapshots;
  private final SegmentService segments;
  private final SpaceService spaces;
  private final ConditionParser parser = new ConditionParser();
  private final ConditionCompiler compiler = new ConditionCompiler();

  public ReachService(
      RecentVisitors recent,
      SnapshotRegistry snapshots,
      SegmentService segments,
      SpaceService spaces) {
    this.recent = recent;
    this.snapshots = snapshots;
    this.segments = segments;
    this.spaces = spaces;
  }

  /** Reach of the segment's saved rule, or of {@code draftRule} when one is given. */
  public Reach reach(String space, String key, Optional<JsonNode> draftRule) {
    Map<String, CompiledCondition> rules = new HashMap<>();
    rules.put(key, draftRule.isPresent() ? compile("rule", draftRule.get()) : saved(space, key));
    spaces.get(space);
    Sample sample = recent.sample(space);
    BiPredicate<VisitorContext, String> resolver = resolver(space, rules);
    int matching = 0;
    for (VisitorContext c : sample.contexts()) {
      if (c.withSegmentResolver(resolver).inSegment(key)) {
        matching++;
      }
    }
    return new Reach(key, sample.size(), matching, share(matching, sample.size()), sample.since());
  }

  /**
   * Reach of many saved rules over one sample, in the order given: the dashboard's "segments by
   * reach". A rule that no longer compiles is left out rather than failing the whole list.
   */
  public List<Reach> reachOfEach(String space, Map<String, JsonNode> savedRules) {
    Map<String, CompiledCondition> rules = new LinkedHashMap<>();
    savedRules.forEach(
        (key, rule) -> {
          try {
            rules.put(key, compile("rule", rule));
          } catch (ValidationException e) {
            // A stored rule that stopped compiling (a removed attribute) has no reach to show.
          }
        });
    spaces.get(space);
    Sample sample = recent.sample(space);
    BiPredicate<VisitorContext, String> resolver = resolver(space, rules);
    Map<String, Integer> matching = new LinkedHashMap<>();
    rules.keySet().forEach(k -> matching.put(k, 0));
    for (VisitorContext c : sample.contexts()) {
      VisitorContext asked = c.withSegmentResolver(resolver);
      for (String key : rules.keySet()) {
        if (asked.inSegment(key)) {
          matching.merge(key, 1, Integer::sum);
        }
      }
    }
    List<Reach> answer = new ArrayList<>();
    matching.forEach(
        (key, n) ->
            answer.add(new Reach(key, sample.size(), n, share(n, sample.size()), sample.since())));
    return answer;
  }

  /** Two segments over the same sample: each alone and both together. */
  public Overlap overlap(String space, OverlapRequest request) {
    if (request == null
        || request.segments() == null
        || request.segments().stream().anyMatch(Objects::isNull)
        || new LinkedHashSet<>(request.segments()).size() != 2) {
      throw ValidationException.of("segments", "must name exactly two different segments");
    }
    List<String> keys = request.segments();
    Map<String, JsonNode> drafts = request.rules() == null ? Map.of() : request.rules();
    for (String named : drafts.keySet()) {
      if (!keys.contains(named)) {
        throw ValidationException.of("rules." + named, "is not one of the two segments");
      }
    }
    Map<String, CompiledCondition> rules = new HashMap<>();
    for (String key : keys) {
      JsonNode draft = drafts.get(key);
      rules.put(key, draft != null ? compile("rules." + key, draft) : saved(space, key));
    }
    spaces.get(space);
    Sample sample = recent.sample(space);
    BiPredicate<VisitorContext, String> resolver = resolver(space, rules);
    int first = 0;
    int second = 0;
    int both = 0;
    for (VisitorContext c : sample.contexts()) {
      VisitorContext asked = c.withSegmentResolver(resolver);
      boolean a = asked.inSegment(keys.get(0));
      boolean b = asked.inSegment(keys.get(1));
      first += a ? 1 : 0;
      second += b ? 1 : 0;
      both += a && b ? 1 : 0;
    }
    int n = sample.size();
    return new Overlap(
        List.copyOf(keys),
        n,
        first,
        second,
        both,
        share(first, n),
        share(second, n),
        share(both, n),
        sample.since());
  }

  private CompiledCondition saved(String space, String key) {
    return compile("rule", segments.get(space, key).rule());
  }

  /** A rule that does not parse is the caller's error, named by its path under {@code field}. */
  private CompiledCondition compile(String field, JsonNode rule) {
    if (rule == null || rule.isNull()) {
      throw ValidationException.of(field, "is required");
    }
    try {
      return compiler.compile(parser.parse(rule));
    } catch (ConditionException e) {
      throw new ValidationException(
          e.errors().stream()
              .map(err -> new FieldError(renamed(err.path(), field), err.message()))
              .toList());
    }
  }

  /** The parser names paths from {@code rule}; an overlap's rules sit under their own field. */
  private static String renamed(String path, String field) {
    if (field.equals("rule")) {
      return path;
    }
    return path.equals("rule") ? field : path.startsWith("rule") ? field + path.substring(4) : path;
  }

  /** The given rules first, then the published segments of the space's snapshot. */
  private BiPredicate<VisitorContext, String> resolver(
      String space, Map<String, CompiledCondition> rules) {
    SegmentCatalog published =
        snapshots.get(space).map(SpaceSnapshot::segments).orElse(SegmentCatalog.empty());
    BiPredicate<VisitorContext, String> fallback = published.resolver();
    return (context, key) -> {
      CompiledCondition rule = rules.get(key);
      return rule != null ? rule.test(context) : fallback.test(context, key);
    };
  }

  private static double share(int matching, int of) {
    return of == 0 ? 0.0 : (double) matching / of;
  }
}
