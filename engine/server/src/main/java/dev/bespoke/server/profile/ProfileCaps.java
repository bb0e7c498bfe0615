package dev.bespoke.server.profile;

import java.util.List;

/**
 * How much behaviour one profile may hold. Event property values come from public callers, so
 * without a bound a single visitor id can grow its profile until every read of it stalls the node.
 * Beyond a cap the least recently counted entry goes, never the new one: a real visitor's newest
 * behaviour matters most, and refusing new events would let an attacker freeze a profile.
 *
 * <p>Both stores enforce the caps in the same atomic step as the write (the in-process store under
 * its per-key lock, Redis inside {@code profile-apply.lua}), with the same order: the entry last
 * counted earliest goes first; among entries counted at the same instant, the one whose name sorts
 * first (by code point, as Redis sorts its members by their UTF-8 bytes).
 *
 * @param counters day buckets of behaviour counters ({@code pageview.category.shoes} on one day)
 *     per profile, across every event name
 * @param countersPerEvent day buckets per event name ({@code pageview}, {@code click}, {@code
 *     conversion}, {@code custom}): a flood of one kind cannot push out the others
 * @param scores interest scores ({@code category.shoes}) per profile
 */
public record ProfileCaps(int counters, int countersPerEvent, int scores) {

  /**
   * 1,000 buckets are about eleven distinct behaviours every day of a 90-day retention, more than
   * any rule asks about; a read of a full profile still decodes in well under a millisecond.
   */
  public static final ProfileCaps DEFAULTS = new ProfileCaps(1_000, 400, 200);

  /**
   * The event names counters are grouped by. A counter key starts with its event name; any other
   * prefix counts under {@link #OTHER} so that no counter escapes a per-event cap.
   */
  public static final List<String> EVENTS = List.of("pageview", "click", "conversion", "custom");

  public static final String OTHER = "other";

  /** Every group, in a fixed order: the Redis store keeps one recency index for each. */
  public static final List<String> GROUPS =
      List.of(EVENTS.get(0), EVENTS.get(1), EVENTS.get(2), EVENTS.get(3), OTHER);

  public ProfileCaps {
    requireAtLeastOne(counters, "counters");
    requireAtLeastOne(countersPerEvent, "countersPerEvent");
    requireAtLeastOne(scores, "scores");
    if (countersPerEvent > counters) {
      throw new IllegalArgumentException(
          "countersPerEvent ("
              + countersPerEvent
              + ") must not exceed counters ("
              + counters
              + ")");
    }
  }

  /** The group a counter key's buckets are capped in: its event name, or {@link #OTHER}. */
  public static String eventOf(String counterKey) {
    int dot = counterKey.indexOf('.');
    String event = dot < 0 ? counterKey : counterKey.substring(0, dot);
    return EVENTS.contains(event) ? event : OTHER;
  }

  private static void requireAtLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
