package dev.bespoke.core.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds variants that can never be served because another one always wins first: the editor's
 * "variant A can never be served: B has higher priority and matches everyone A matches".
 *
 * <p>The check is conservative: it warns only when it can prove the shadowing from the variants'
 * tags alone, never from what a segment's rule happens to say. B shadows A in a {@link
 * Strategy#FIRST_MATCH} slot when neither is the default, B's priority is strictly higher (an equal
 * priority goes to the most matched segments and a per-visitor tie-break, so A may still win), B
 * serves every channel and locale A serves, B's schedule covers A's, B is not suppressed after a
 * conversion that leaves A shown, and every visitor A's segments let in is let in by B's:
 *
 * <ul>
 *   <li>B targets no segment (everyone);
 *   <li>A needs all of its segments and B needs all of a subset of them, or any one of a set that
 *       shares a segment with them;
 *   <li>A needs any one of its segments (or has just one) and B accepts any one of a superset.
 * </ul>
 *
 * Weighted and bandit slots choose among all fitting variants, so nothing is shadowed there.
 * Experiments that force a variant into an arm are the caller's to leave out.
 */
public final class Shadowing {

  private Shadowing() {}

  /** One variant that cannot be served, and the one that always wins over it. */
  public record Shadow(String shadowed, String by, String explanation) {}

  /** Every provable shadowing among {@code variants}, at most one (the first found) per variant. */
  public static List<Shadow> find(Strategy strategy, List<VariantRule> variants) {
    List<Shadow> found = new ArrayList<>();
    if (strategy != Strategy.FIRST_MATCH) {
      return found;
    }
    for (VariantRule a : variants) {
      for (VariantRule b : variants) {
        Optional<Shadow> shadow = shadowedBy(a, b);
        if (shadow.isPresent()) {
          found.add(shadow.get());
          break;
        }
      }
    }
    return found;
  }

  /**
   * Whether {@code winner} is certain to beat {@code loser} for every visitor {@code loser} fits.
   */
  public static Optional<Shadow> shadowedBy(VariantRule loser, VariantRule winner) {
    if (loser == winner
        || loser.key().equals(winner.key())
        || loser.isDefault()
        || winner.isDefault()
        || winner.priority() <= loser.priority()
        || !coversChannels(winner.channels(), loser.channels())
        || !coversLocales(winner.locales(), loser.locales())
        || !coversSchedule(winner, loser)
        || !coversSuppression(winner, loser)
        || !segmentsImply(loser, winner)) {
      return Optional.empty();
    }
    return Optional.of(
        new Shadow(
            loser.key(),
            winner.key(),
            "variant "
                + loser.key()
                + " can never be served: "
                + winner.key()
                + " has higher priority ("
                + winner.priority()
                + " over "
                + loser.priority()
                + ") and matches everyone "
                + loser.key()
                + " matches"));
  }

  private static boolean coversChannels(Set<String> winner, Set<String> loser) {
    return winner.isEmpty() || (!loser.isEmpty() && winner.containsAll(loser));
  }

  /**
   * Every locale the loser serves, the winner serves too: the same tag, or the winner's language
   * tag covering the loser's regional one ({@code nl} covers {@code nl-BE}, not the other way).
   */
  private static boolean coversLocales(Set<String> winner, Set<String> loser) {
    if (winner.isEmpty()) {
      return true;
    }
    if (loser.isEmpty()) {
      return false;
    }
    Set<String> served = lower(winner);
    for (String locale : lower(loser)) {
      int dash = locale.indexOf('-');
      String language = dash < 0 ? locale : locale.substring(0, dash);
      if (!served.contains(locale) && !served.contains(language)) {
        return false;
      }
    }
    return true;
  }

  private static boolean coversSchedule(VariantRule winner, VariantRule loser) {
    return startsNoLater(winner.validFrom(), loser.validFrom())
        && endsNoEarlier(winner.validUntil(), loser.validUntil());
  }

  private static boolean startsNoLater(Instant winner, Instant loser) {
    return winner == null || (loser != null && !winner.isAfter(loser));
  }

  private static boolean endsNoEarlier(Instant winner, Instant loser) {
    return winner == null || (loser != null && !winner.isBefore(loser));
  }

  /** A winner that steps aside after a conversion leaves the loser to be served then. */
  private static boolean coversSuppression(VariantRule winner, VariantRule loser) {
    return winner.suppressAfterConversion() == null
        || winner.suppressAfterConversion().equals(loser.suppressAfterConversion());
  }

  /** Every visitor the loser's segments accept, the winner's accept too. */
  private static boolean segmentsImply(VariantRule loser, VariantRule winner) {
    Set<String> w = new HashSet<>(winner.segments());
    if (w.isEmpty()) {
      return true;
    }
    Set<String> l = new HashSet<>(loser.segments());
    if (l.isEmpty()) {
      return false;
    }
    boolean loserNeedsAll = loser.segmentMatch() == SegmentMatch.ALL || l.size() == 1;
    boolean winnerNeedsAll = winner.segmentMatch() == SegmentMatch.ALL && w.size() > 1;
    if (loserNeedsAll) {
      // The visitor is in every one of the loser's segments.
      if (winnerNeedsAll) {
        return l.containsAll(w);
      }
      return w.stream().anyMatch(l::contains);
    }
    // The visitor is in at least one of the loser's segments, not known which.
    return !winnerNeedsAll && w.containsAll(l);
  }

  private static Set<String> lower(Set<String> values) {
    Set<String> lowered = new HashSet<>();
    values.forEach(v -> lowered.add(v.toLowerCase(Locale.ROOT)));
    return lowered;
  }
}
