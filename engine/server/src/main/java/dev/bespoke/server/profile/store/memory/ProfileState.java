package dev.bespoke.server.profile.store.memory;

import dev.bespoke.server.profile.Consent;
import dev.bespoke.server.profile.Profile;
import dev.bespoke.server.profile.ProfileOp;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.Score;
import dev.bespoke.server.profile.WriteOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One profile while it is being changed. Mirrors {@code profile-apply.lua} step by step, so the two
 * stores answer alike, including which counters and scores the caps evict; only ever touched under
 * the store's per-key lock.
 */
final class ProfileState {

  /**
   * How many recent update ids are remembered to recognise retries; the Redis script keeps as many.
   */
  private String customerId;

  private long visits;
  private Instant firstSeen;
  private Instant lastSeen;
  private long visitPageviews;
  private final Map<String, TreeMap<LocalDate, Long>> counters = new HashMap<>();
  private final Map<String, Score> scores = new HashMap<>();
  private final Map<String, Object> traits = new HashMap<>();
  private Consent consent;
  private final Map<String, String> assignments = new HashMap<>();
  private final Map<String, Instant> conversions = new HashMap<>();
  private final UpdateIds recentUpdates = new UpdateIds();
  private final Evictions evictions = new Evictions();
  private LocalDate prunedOn;

  /** Whether a write would be refused without changing anything (checked before creating state). */
  static WriteOutcome refusal(ProfileState state, ProfileUpdate update) {
    Consent stored = state == null ? null : state.consent;
    if (!update.gate().allows(stored)) {
      return WriteOutcome.NO_CONSENT;
    }
    if (state != null && state.recentUpdates.contains(update.id())) {
      return WriteOutcome.DUPLICATE;
    }
    return null;
  }

  void apply(ProfileUpdate update, ProfileSettings settings) {
    remember(update.id(), update.at());
    Instant at = update.at();
    if (update.touch()) {
      touch(at, settings);
    }
    visitPageviews += update.pageviews();
    LocalDate oldest = settings.oldestKeptDay(update.today());
    if (!update.today().equals(prunedOn)) {
      prune(oldest, at, settings);
      prunedOn = update.today();
    }
    long atMillis = at.toEpochMilli();
    for (ProfileOp op : update.ops()) {
      applyOp(op, oldest, atMillis, settings);
    }
    evictions.enforce(settings.caps(), this::dropBucket, scores::remove);
  }

  private void remember(String id, Instant at) {
    recentUpdates.remember(id, at);
  }

  private void touch(Instant at, ProfileSettings settings) {
    if (lastSeen == null) {
      visits++;
      visitPageviews = 0;
      if (firstSeen == null) {
        firstSeen = at;
      }
    } else if (at.toEpochMilli() - lastSeen.toEpochMilli() > settings.sessionGap().toMillis()) {
      visits++;
      visitPageviews = 0;
    }
    if (lastSeen == null || at.isAfter(lastSeen)) {
      lastSeen = at;
    }
  }

  private void prune(LocalDate oldest, Instant at, ProfileSettings settings) {
    counters.forEach(
        (key, days) -> {
          Map<LocalDate, Long> aged = days.headMap(oldest);
          aged.keySet().forEach(day -> evictions.bucketRemoved(key, day));
          aged.clear();
        });
    counters.values().removeIf(Map::isEmpty);
    scores
        .entrySet()
        .removeIf(
            e -> {
              boolean negligible =
                  e.getValue().valueAt(at, settings.scoreHalfLife()) < Score.NEGLIGIBLE;
              if (negligible) {
                evictions.scoreRemoved(e.getKey());
              }
              return negligible;
            });
  }

  private void dropBucket(String key, LocalDate day) {
    TreeMap<LocalDate, Long> days = counters.get(key);
    if (days != null) {
      days.remove(day);
      if (days.isEmpty()) {
        counters.remove(key);
      }
    }
  }

  // Java 17 has no pattern matching for switch; the chain is ordered by how often each op occurs.
  private void applyOp(ProfileOp op, LocalDate oldest, long at, ProfileSettings settings) {
    if (op instanceof ProfileOp.Count c) {
      if (!c.day().isBefore(oldest)) {
        counters
            .computeIfAbsent(c.key(), k -> new TreeMap<>())
            .merge(c.day(), c.amount(), Long::sum);
        evictions.bucketCounted(c.key(), c.day(), at);
      }
    } else if (op instanceof ProfileOp.AddScore s) {
      scores.merge(s.key(), s.score(), (old, add) -> old.plus(add, settings.scoreHalfLife()));
      evictions.scoreRaised(s.key(), at);
    } else if (op instanceof ProfileOp.Convert c) {
      conversions.merge(c.goal(), c.at(), ProfileState::earlier);
    } else if (op instanceof ProfileOp.Assign a) {
      assignments.putIfAbsent(a.experiment(), a.arm());
    } else if (op instanceof ProfileOp.SetTrait t) {
      traits.put(t.name(), t.value());
    } else if (op instanceof ProfileOp.ClearTraits) {
      traits.clear();
    } else if (op instanceof ProfileOp.SetConsent c) {
      if (consent == null || !c.consent().at().isBefore(consent.at())) {
        consent = c.consent();
      }
    } else if (op instanceof ProfileOp.Reset) {
      reset();
    } else if (op instanceof ProfileOp.LinkCustomer l) {
      customerId = l.customerId();
    } else if (op instanceof ProfileOp.FoldVisits f) {
      fold(f);
    } else {
      throw new IllegalArgumentException("unknown profile operation " + op.getClass());
    }
  }

  private void reset() {
    customerId = null;
    visits = 0;
    firstSeen = null;
    lastSeen = null;
    visitPageviews = 0;
    counters.clear();
    scores.clear();
    evictions.clear();
    traits.clear();
    consent = null;
    assignments.clear();
    conversions.clear();
  }

  private void fold(ProfileOp.FoldVisits f) {
    visits += f.visits();
    if (f.firstSeen() != null && (firstSeen == null || f.firstSeen().isBefore(firstSeen))) {
      firstSeen = f.firstSeen();
    }
    if (f.lastSeen() != null && (lastSeen == null || f.lastSeen().isAfter(lastSeen))) {
      lastSeen = f.lastSeen();
      visitPageviews = f.visitPageviews();
    }
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  Profile toProfile(String id) {
    Map<String, Map<LocalDate, Long>> counts = new HashMap<>();
    counters.forEach((k, v) -> counts.put(k, new TreeMap<>(v)));
    return new Profile(
        id,
        customerId,
        visits,
        firstSeen,
        lastSeen,
        visitPageviews,
        counts,
        scores,
        traits,
        consent,
        assignments,
        conversions);
  }
}
