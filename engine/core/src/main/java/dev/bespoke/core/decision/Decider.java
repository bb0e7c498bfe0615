package dev.bespoke.core.decision;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.Consideration.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a slot's variant for one visitor.
 *
 * <p>Candidates are the slot's non-default variants that are inside their schedule, serve the
 * channel and locale, are not suppressed by a conversion, and whose segments match ({@code any}:
 * one is enough; {@code all}: every one; none listed: everyone). {@link Strategy#FIRST_MATCH} takes
 * the highest priority, then the most matched segments, then a stable per-visitor hash, so ties
 * never flicker between requests. {@link Strategy#WEIGHTED} picks among the candidates in
 * proportion to their weights with the same stable hash. No candidate: the slot's default.
 *
 * <p>Immutable and thread-safe: one instance per published snapshot serves every request. The
 * visitor context must have been built with this snapshot's {@link SegmentCatalog#resolver()}.
 */
public final class Decider {

  private final SegmentCatalog segments;

  /** A decider for one published snapshot, describing segments from its catalogue. */
  public Decider(SegmentCatalog segments) {
    this.segments = segments;
  }

  public Decision decide(SlotRule slot, VisitorContext context, DecisionInput input) {
    List<Consideration> trace = input.withTrace() ? new ArrayList<>() : null;
    List<Candidate> candidates = new ArrayList<>(slot.variants().size());
    for (VariantRule variant : slot.variants()) {
      if (variant.isDefault()) {
        continue;
      }
      Candidate candidate = consider(variant, context, input, trace);
      if (candidate != null) {
        candidates.add(candidate);
      }
    }
    if (candidates.isEmpty()) {
      return fallBackToDefault(slot, trace);
    }
    Candidate chosen =
        slot.strategy() == Strategy.FIRST_MATCH
            ? byPrecedence(slot, candidates, input)
            : byWeight(slot, candidates, input);
    String reason =
        Reasons.segmentsPart(chosen.variant(), chosen.matched(), segments)
            + "; "
            + (slot.strategy() == Strategy.FIRST_MATCH
                ? Reasons.precedencePart(chosen, candidates)
                : Reasons.weightPart(chosen, candidates));
    if (trace != null) {
      trace.add(new Consideration(chosen.variant().key(), Outcome.CHOSEN, reason));
      for (Candidate other : candidates) {
        if (other != chosen) {
          trace.add(
              new Consideration(
                  other.variant().key(),
                  Outcome.OUTRANKED,
                  Reasons.rankOf(other, slot.strategy())));
        }
      }
      slot.defaultVariant()
          .ifPresent(
              d ->
                  trace.add(
                      new Consideration(
                          d.key(),
                          Outcome.DEFAULT_NOT_NEEDED,
                          "the default, served only when nothing else fits")));
    }
    return new Decision(
        slot.key(),
        Optional.of(chosen.variant()),
        chosen.matched(),
        reason,
        false,
        trace == null ? List.of() : trace);
  }

  private static Candidate consider(
      VariantRule variant, VisitorContext context, DecisionInput input, List<Consideration> trace) {
    Outcome rejected = null;
    String why = null;
    if (!variant.liveAt(context.now())) {
      rejected = Outcome.NOT_SCHEDULED;
      why = "outside its schedule";
    } else if (!variant.servesChannel(input.channel())) {
      rejected = Outcome.OTHER_CHANNEL;
      why = "not for channel " + input.channel();
    } else if (!variant.servesLocale(input.locale())) {
      rejected = Outcome.OTHER_LOCALE;
      why = "written for " + String.join(", ", variant.locales().stream().sorted().toList());
    } else if (variant.suppressAfterConversion() != null
        && input.convertedGoals().contains(variant.suppressAfterConversion())) {
      rejected = Outcome.SUPPRESSED;
      why = "suppressed after the visitor converted on " + variant.suppressAfterConversion();
    }
    if (rejected != null) {
      record(trace, variant, rejected, why);
      return null;
    }
    List<String> matched = new ArrayList<>(variant.segments().size());
    for (String segment : variant.segments()) {
      if (context.inSegment(segment)) {
        matched.add(segment);
      }
    }
    boolean fits =
        variant.segments().isEmpty()
            || (variant.segmentMatch() == SegmentMatch.ANY
                ? !matched.isEmpty()
                : matched.size() == variant.segments().size());
    if (!fits) {
      record(
          trace, variant, Outcome.SEGMENTS_DO_NOT_MATCH, Reasons.missedSegments(variant, matched));
      return null;
    }
    return new Candidate(variant, List.copyOf(matched));
  }

  private static Candidate byPrecedence(
      SlotRule slot, List<Candidate> candidates, DecisionInput input) {
    Comparator<Candidate> precedence =
        Comparator.comparingInt((Candidate c) -> c.variant().priority())
            .thenComparingInt(c -> c.matched().size())
            .thenComparingInt(c -> tieBreak(slot, c, input))
            .reversed();
    Candidate best = candidates.get(0);
    for (Candidate c : candidates) {
      if (precedence.compare(c, best) < 0) {
        best = c;
      }
    }
    return best;
  }

  private static int tieBreak(SlotRule slot, Candidate candidate, DecisionInput input) {
    return StableHash.bucket(
        slot.key() + ':' + candidate.variant().key() + ':' + input.stickinessId(),
        Integer.MAX_VALUE);
  }

  private static Candidate byWeight(
      SlotRule slot, List<Candidate> candidates, DecisionInput input) {
    int total = 0;
    for (Candidate c : candidates) {
      total += Math.max(c.variant().weight(), 0);
    }
    if (total == 0) {
      return byPrecedence(slot, candidates, input);
    }
    int point = StableHash.bucket(slot.key() + ':' + input.stickinessId(), total);
    for (Candidate c : candidates) {
      point -= Math.max(c.variant().weight(), 0);
      if (point < 0) {
        return c;
      }
    }
    throw new IllegalStateException("the weights add up to " + total);
  }

  private static Decision fallBackToDefault(SlotRule slot, List<Consideration> trace) {
    Optional<VariantRule> fallback = slot.defaultVariant();
    String reason =
        fallback.isPresent()
            ? "no variant fits this visitor; the slot's default"
            : "no variant fits this visitor and the slot has no published default";
    fallback.ifPresent(d -> record(trace, d, Outcome.CHOSEN, reason));
    return new Decision(
        slot.key(), fallback, List.of(), reason, true, trace == null ? List.of() : trace);
  }

  private static void record(
      List<Consideration> trace, VariantRule variant, Outcome outcome, String why) {
    if (trace != null) {
      trace.add(new Consideration(variant.key(), outcome, why));
    }
  }

  /** A variant that fits the visitor, with the segments that made it fit. */
  record Candidate(VariantRule variant, List<String> matched) {}
}
