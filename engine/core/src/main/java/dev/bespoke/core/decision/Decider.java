package dev.bespoke.core.decision;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.Consideration.Outcome;
import dev.bespoke.core.stats.BanditArm;
import dev.bespoke.core.stats.ThompsonSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Chooses a slot's variant for one visitor.
 *
 * <p>Candidates are the slot's non-default variants that are inside their schedule, serve the
 * channel and locale, are not suppressed by a conversion, and whose segments match ({@code any}:
 * one is enough; {@code all}: every one; none listed: everyone). {@link Strategy#FIRST_MATCH} takes
 * the highest priority, then the most matched segments, then a stable per-visitor hash, so ties
 * never flicker between requests. {@link Strategy#WEIGHTED} picks among the candidates in
 * proportion to their weights with the same stable hash. {@link Strategy#BANDIT} draws from each
 * candidate's posterior click-or-conversion rate in the visitor's {@link BanditContext} (Thompson
 * sampling), seeded by the same stable hash, so a visitor's pick changes only as evidence does. No
 * candidate: the slot's default.
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
    // Variants come in precedence order. A first-match decision without a trace stops below the
    // first priority level where something fits: nothing lower can win, so its segments are never
    // evaluated. Weighted and bandit slots, and previews, look at every variant.
    boolean stopAtFirstLevel = slot.strategy() == Strategy.FIRST_MATCH && trace == null;
    for (VariantRule variant : slot.variants()) {
      if (variant.isDefault()) {
        continue;
      }
      if (stopAtFirstLevel
          && !candidates.isEmpty()
          && variant.priority() < candidates.get(0).variant().priority()) {
        break;
      }
      Candidate candidate = consider(variant, context, input, trace);
      if (candidate != null) {
        candidates.add(candidate);
      }
    }
    if (candidates.isEmpty()) {
      return fallBackToDefault(slot, trace);
    }
    Candidate chosen;
    String how;
    switch (slot.strategy()) {
      case FIRST_MATCH -> {
        chosen = byPrecedence(slot, candidates, input);
        how = Reasons.precedencePart(chosen, candidates, slot);
      }
      case WEIGHTED -> {
        chosen = byWeight(slot, candidates, input);
        how = Reasons.weightPart(chosen, candidates);
      }
      case BANDIT -> {
        String banditContext = BanditContext.of(slot, context);
        List<BanditArm> arms = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
          arms.add(input.bandit().arm(slot.key(), banditContext, c.variant().key()));
        }
        chosen = byBandit(slot, candidates, arms, input);
        how = Reasons.banditPart(chosen, arms, banditContext);
      }
      default -> throw new IllegalStateException("unknown strategy " + slot.strategy());
    }
    String reason = Reasons.segmentsPart(chosen.variant(), chosen.matched(), segments) + "; " + how;
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
    Outcome rejected = rejection(variant, context, input);
    if (rejected != null) {
      // The words are built only when a trace was asked for: a served decision never reads them,
      // and building them for 50 variants was most of a decision's cost.
      if (trace != null) {
        trace.add(
            new Consideration(variant.key(), rejected, whyRejected(rejected, variant, input)));
      }
      return null;
    }
    List<String> segments = variant.segments();
    if (segments.isEmpty()) {
      return new Candidate(variant, List.of());
    }
    boolean needsAll = variant.segmentMatch() == SegmentMatch.ALL;
    List<String> matched = null;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (context.inSegment(segment)) {
        if (matched == null) {
          matched = new ArrayList<>(segments.size() - i);
        }
        matched.add(segment);
      } else if (needsAll && trace == null) {
        // One miss settles an all-of variant; only a trace wants to know which others matched.
        return null;
      }
    }
    boolean fits = matched != null && (!needsAll || matched.size() == segments.size());
    if (!fits) {
      if (trace != null) {
        trace.add(
            new Consideration(
                variant.key(),
                Outcome.SEGMENTS_DO_NOT_MATCH,
                Reasons.missedSegments(variant, matched == null ? List.of() : matched)));
      }
      return null;
    }
    // Not copied: the candidate is private to this decision and Decision copies what it keeps.
    return new Candidate(variant, matched);
  }

  private static Outcome rejection(
      VariantRule variant, VisitorContext context, DecisionInput input) {
    if (!variant.liveAt(context.now())) {
      return Outcome.NOT_SCHEDULED;
    }
    if (!variant.servesChannel(input.channel())) {
      return Outcome.OTHER_CHANNEL;
    }
    if (!variant.servesLocale(input.locale())) {
      return Outcome.OTHER_LOCALE;
    }
    if (variant.suppressAfterConversion() != null
        && input.convertedGoals().contains(variant.suppressAfterConversion())) {
      return Outcome.SUPPRESSED;
    }
    return null;
  }

  private static String whyRejected(Outcome outcome, VariantRule variant, DecisionInput input) {
    return switch (outcome) {
      case NOT_SCHEDULED -> "outside its schedule";
      case OTHER_CHANNEL -> "not for channel " + input.channel();
      case OTHER_LOCALE ->
          "written for " + String.join(", ", variant.locales().stream().sorted().toList());
      case SUPPRESSED ->
          "suppressed after the visitor converted on " + variant.suppressAfterConversion();
      default -> throw new IllegalArgumentException("not a rejection: " + outcome);
    };
  }

  /**
   * The highest priority, then the most matched segments, then the highest stable tie-break hash;
   * on a complete tie the earlier variant. The hash is computed only when the first two tie, since
   * it hashes a string per candidate.
   */
  private static Candidate byPrecedence(
      SlotRule slot, List<Candidate> candidates, DecisionInput input) {
    Candidate best = candidates.get(0);
    int bestTie = -1;
    for (int i = 1; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      int order = Integer.compare(c.variant().priority(), best.variant().priority());
      if (order == 0) {
        order = Integer.compare(c.matched().size(), best.matched().size());
      }
      if (order == 0) {
        if (bestTie < 0) {
          bestTie = tieBreak(slot, best, input);
        }
        int tie = tieBreak(slot, c, input);
        if (tie > bestTie) {
          best = c;
          bestTie = tie;
        }
      } else if (order > 0) {
        best = c;
        bestTie = -1;
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

  /**
   * Thompson sampling over the candidates' evidence. The random stream is seeded by the slot and
   * the visitor, not drawn fresh: the same visitor gets the same draws, so their variant stays put
   * between requests and moves only when the evidence moves it.
   */
  private static Candidate byBandit(
      SlotRule slot, List<Candidate> candidates, List<BanditArm> arms, DecisionInput input) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    long seed =
        ((long) StableHash.bucket(slot.key() + ":bandit:" + input.stickinessId(), Integer.MAX_VALUE)
                << 31)
            ^ StableHash.bucket(input.stickinessId() + ":" + slot.key(), Integer.MAX_VALUE);
    String key =
        new ThompsonSampler(input.bandit().explorationShare())
            .choose(arms, new SplittableRandom(seed));
    for (Candidate c : candidates) {
      if (c.variant().key().equals(key)) {
        return c;
      }
    }
    throw new IllegalStateException("the sampler chose " + key + ", which is not a candidate");
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
