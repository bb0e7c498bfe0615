package dev.bespoke.core.condition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks the {@code inSegment} references between the segments of one space, at save time: every
 * referenced segment exists, no segment reaches itself, and chains stay short. Evaluation relies on
 * this (membership is resolved lazily and recursively), so a save that would break it is refused.
 *
 * <p>All walks are iterative: a space may hold thousands of segments in a long chain.
 */
public final class SegmentGraph {
  private SegmentGraph() {}

  /** Where one rule names another segment; {@code path} points at the predicate's value. */
  private record Reference(String target, String path) {}

  private record Step(String path, Condition condition) {}

  /**
   * Checks all segments of a space.
   *
   * @param segments segment key to its rule, for every segment of the space
   * @return problems with paths qualified by the segment, like {@code
   *     segments.benelux.rule.any[0].value}; empty when the graph is sound
   */
  public static List<RuleError> check(Map<String, Condition> segments) {
    Map<String, List<Reference>> refs = references(segments);
    List<RuleError> errors = new ArrayList<>();
    for (String key : new TreeMap<>(segments).keySet()) {
      for (RuleError e : checkOne(key, refs)) {
        errors.add(new RuleError("segments." + key + "." + e.path(), e.message()));
      }
    }
    return errors;
  }

  /**
   * Checks one segment against the others, for saving it: only problems in its own rule, with paths
   * from that rule's root, such as {@code rule.any[0].value}.
   *
   * @param key the segment being saved
   * @param segments every segment of the space, {@code key} with its new rule included
   */
  public static List<RuleError> checkSegment(String key, Map<String, Condition> segments) {
    if (!segments.containsKey(key)) {
      throw new IllegalArgumentException("segments must include " + key);
    }
    return checkOne(key, references(segments));
  }

  private static List<RuleError> checkOne(String key, Map<String, List<Reference>> refs) {
    List<RuleError> errors = new ArrayList<>();
    Map<String, Integer> chainMemo = new HashMap<>();
    for (Reference ref : refs.get(key)) {
      String target = ref.target();
      if (target.equals(key)) {
        errors.add(new RuleError(ref.path(), "segment \"" + key + "\" refers to itself"));
      } else if (!refs.containsKey(target)) {
        errors.add(new RuleError(ref.path(), "unknown segment \"" + target + "\""));
      } else {
        List<String> loop = pathBetween(target, key, refs);
        if (loop != null) {
          errors.add(
              new RuleError(
                  ref.path(), "inSegment cycle: " + key + " -> " + String.join(" -> ", loop)));
        } else if (1 + chainLength(target, refs, chainMemo) > Limits.MAX_SEGMENT_CHAIN) {
          errors.add(
              new RuleError(
                  ref.path(),
                  "inSegment chains are at most "
                      + Limits.MAX_SEGMENT_CHAIN
                      + " segments long; through \""
                      + target
                      + "\" this one is longer"));
        }
      }
    }
    return errors;
  }

  /** The keys on a shortest path from {@code from} to {@code to}, both included, or null. */
  private static List<String> pathBetween(
      String from, String to, Map<String, List<Reference>> refs) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(from);
    cameFrom.put(from, null);
    while (!queue.isEmpty()) {
      String at = queue.poll();
      if (at.equals(to)) {
        List<String> path = new ArrayList<>();
        for (String k = to; k != null; k = cameFrom.get(k)) {
          path.add(0, k);
        }
        return path;
      }
      for (Reference r : refs.getOrDefault(at, List.of())) {
        if (!cameFrom.containsKey(r.target())) {
          cameFrom.put(r.target(), at);
          queue.add(r.target());
        }
      }
    }
    return null;
  }

  /**
   * Segments in the longest chain starting at {@code start}, counting it. Called only when {@code
   * start} is not on a cycle with the segment being checked; other cycles count as ending there
   * (they are reported against their own segments).
   */
  private static int chainLength(
      String start, Map<String, List<Reference>> refs, Map<String, Integer> memo) {
    Deque<Map.Entry<String, Iterator<Reference>>> stack = new ArrayDeque<>();
    Set<String> onStack = new LinkedHashSet<>();
    stack.push(Map.entry(start, refs.getOrDefault(start, List.of()).iterator()));
    onStack.add(start);
    Map<String, Integer> best = new HashMap<>();
    while (!stack.isEmpty()) {
      var top = stack.peek();
      String at = top.getKey();
      if (memo.containsKey(at)) {
        stack.pop();
        onStack.remove(at);
        continue;
      }
      if (top.getValue().hasNext()) {
        String next = top.getValue().next().target();
        if (memo.containsKey(next)) {
          best.merge(at, memo.get(next), Math::max);
        } else if (refs.containsKey(next) && !onStack.contains(next)) {
          stack.push(Map.entry(next, refs.get(next).iterator()));
          onStack.add(next);
        }
        continue;
      }
      int length = 1 + best.getOrDefault(at, 0);
      memo.put(at, length);
      stack.pop();
      onStack.remove(at);
      if (!stack.isEmpty()) {
        best.merge(stack.peek().getKey(), length, Math::max);
      }
    }
    return memo.get(start);
  }

  private static Map<String, List<Reference>> references(Map<String, Condition> segments) {
    Map<String, List<Reference>> refs = new HashMap<>();
    segments.forEach((key, rule) -> refs.put(key, referencesIn(rule)));
    return refs;
  }

  /** inSegment predicates of one rule with their paths, in document order. */
  private static List<Reference> referencesIn(Condition rule) {
    List<Reference> found = new ArrayList<>();
    Deque<Step> todo = new ArrayDeque<>();
    todo.push(new Step(RuleReader.ROOT, rule));
    while (!todo.isEmpty()) {
      Step step = todo.pop();
      Condition c = step.condition();
      if (c instanceof Predicate p) {
        p.referencedSegments().forEach(k -> found.add(new Reference(k, step.path() + ".value")));
      } else if (c instanceof Not not) {
        todo.push(new Step(step.path() + ".not", not.condition()));
      } else {
        String group = c instanceof All ? ".all" : ".any";
        List<Condition> children = Shapes.childrenOf(c);
        for (int i = children.size() - 1; i >= 0; i--) {
          todo.push(new Step(step.path() + group + "[" + i + "]", children.get(i)));
        }
      }
    }
    return found;
  }
}
