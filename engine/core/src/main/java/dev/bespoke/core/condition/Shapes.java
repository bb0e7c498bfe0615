package dev.bespoke.core.condition;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Size checks and walks over condition trees, iterative so they never recurse.
 *
 * <p>The group records call {@link #requireWithinLimits} from their constructors. That makes the
 * limits an invariant of every {@link Condition}, hand-built ones included, so the recursive parts
 * (record {@code equals}, {@code toString}, compiling) can never run deeper than {@link
 * Limits#MAX_DEPTH}.
 */
final class Shapes {
  private Shapes() {}

  private record Frame(Condition condition, int depth) {}

  /** Throws when a group of these children would break the depth or node limits. */
  static void requireWithinLimits(List<Condition> children) {
    int nodes = 1;
    int depth = 1;
    Deque<Frame> todo = new ArrayDeque<>();
    for (Condition child : children) {
      todo.push(new Frame(child, 2));
    }
    while (!todo.isEmpty()) {
      Frame f = todo.pop();
      nodes++;
      depth = Math.max(depth, f.depth());
      if (nodes > Limits.MAX_NODES || depth > Limits.MAX_DEPTH) {
        throw new IllegalArgumentException(
            "a condition nests at most "
                + Limits.MAX_DEPTH
                + " deep and holds at most "
                + Limits.MAX_NODES
                + " conditions");
      }
      for (Condition c : childrenOf(f.condition())) {
        todo.push(new Frame(c, f.depth() + 1));
      }
    }
  }

  static Set<String> referencedSegments(List<Condition> roots) {
    Set<String> keys = new LinkedHashSet<>();
    Deque<Condition> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Condition c = todo.pop();
      if (c instanceof Predicate p) {
        keys.addAll(p.referencedSegments());
      } else {
        todo.addAll(childrenOf(c));
      }
    }
    return Set.copyOf(keys);
  }

  static List<Condition> childrenOf(Condition c) {
    if (c instanceof All all) {
      return all.conditions();
    }
    if (c instanceof Any any) {
      return any.conditions();
    }
    if (c instanceof Not not) {
      return List.of(not.condition());
    }
    return List.of();
  }
}
