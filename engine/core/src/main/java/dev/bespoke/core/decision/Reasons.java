package dev.bespoke.core.decision;

import dev.bespoke.core.decision.Decider.Candidate;
import dev.bespoke.core.stats.BanditArm;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain words of a decision. They name segments and the editors' rules, never a visitor's own
 * values: a reason may be shown to the visitor ("why am I seeing this?") and logged.
 */
final class Reasons {

  private Reasons() {}

  static String segmentsPart(VariantRule variant, List<String> matched, SegmentCatalog segments) {
    if (variant.segments().isEmpty()) {
      return "variant " + variant.key() + " targets everyone";
    }
    if (matched.size() == 1) {
      String only = matched.get(0);
      return "segment " + only + " matched" + rule(only, segments);
    }
    return "segments "
        + matched.stream().map(s -> s + rule(s, segments)).collect(Collectors.joining(" and "))
        + " matched";
  }

  private static String rule(String segment, SegmentCatalog segments) {
    return segments.describe(segment).map(r -> " (" + r + ")").orElse("");
  }

  /**
   * The same words whether every variant was evaluated (a preview) or the decision stopped at the
   * first level that fit (a live request): "the only fitting variant" only when no lower-priority
   * variant exists, since a live decision never looks at those.
   */
  static String precedencePart(Candidate chosen, List<Candidate> candidates, SlotRule slot) {
    int priority = chosen.variant().priority();
    boolean anyBelow =
        slot.variants().stream().anyMatch(v -> !v.isDefault() && v.priority() < priority);
    if (candidates.size() == 1) {
      return anyBelow
          ? "highest priority " + priority
          : "the only fitting variant (priority " + priority + ")";
    }
    boolean higherThanAll =
        candidates.stream()
            .filter(c -> c != chosen)
            .allMatch(c -> c.variant().priority() < priority);
    if (higherThanAll) {
      return "highest priority " + priority;
    }
    boolean moreSegments =
        candidates.stream()
            .filter(c -> c != chosen && c.variant().priority() == priority)
            .allMatch(c -> c.matched().size() < chosen.matched().size());
    if (moreSegments) {
      return "priority "
          + priority
          + " and the most matched segments ("
          + chosen.matched().size()
          + ")";
    }
    return "priority " + priority + ", tied; settled by a stable per-visitor tie-break";
  }

  static String weightPart(Candidate chosen, List<Candidate> candidates) {
    int total = candidates.stream().mapToInt(c -> Math.max(c.variant().weight(), 0)).sum();
    return "weighted pick among "
        + candidates.size()
        + " fitting variants (weight "
        + chosen.variant().weight()
        + " of "
        + total
        + ")";
  }

  static String banditPart(Candidate chosen, List<BanditArm> arms, String banditContext) {
    String audience =
        BanditContext.EVERYONE.equals(banditContext)
            ? "visitors in none of the slot's segments"
            : "visitors in " + banditContext.replace("+", " and ");
    return "bandit pick by Thompson sampling (an optimisation, not a test) on the clicks and"
        + " conversions of "
        + audience
        + ": "
        + arms.stream()
            .map(a -> a.key() + " " + a.successes() + "/" + a.trials())
            .collect(Collectors.joining(", "));
  }

  static String rankOf(Candidate other, Strategy strategy) {
    if (strategy == Strategy.BANDIT) {
      return "fits, not drawn this time by the bandit";
    }
    if (strategy != Strategy.FIRST_MATCH) {
      return "fits, not picked this time (weight " + other.variant().weight() + ")";
    }
    return "fits, but ranks lower (priority "
        + other.variant().priority()
        + ", "
        + other.matched().size()
        + " matched segments)";
  }

  static String missedSegments(VariantRule variant, List<String> matched) {
    if (variant.segmentMatch() == SegmentMatch.ALL) {
      List<String> missing = variant.segments().stream().filter(s -> !matched.contains(s)).toList();
      return "needs all of its segments; not in " + String.join(", ", missing);
    }
    return "in none of its segments " + String.join(", ", variant.segments());
  }
}
