package dev.bespoke.server.profile.store.memory;

import dev.bespoke.server.profile.ProfileCaps;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Keeps one profile's day buckets and scores within its {@link ProfileCaps}: notes when each was
 * last written and names the least recent to drop when a new one goes over a cap. The cap per event
 * name is applied before the cap per profile, as in {@code profile-apply.lua}.
 */
final class Evictions {

  private final Map<String, Recency> bucketsByEvent = new HashMap<>();
  private final Recency scores = new Recency();

  /** Notes a counted bucket and drops, through {@code drop}, whatever the caps no longer hold. */
  void bucketCounted(
      String key, LocalDate day, long at, ProfileCaps caps, BiConsumer<String, LocalDate> drop) {
    Recency group = bucketsByEvent.computeIfAbsent(ProfileCaps.eventOf(key), g -> new Recency());
    if (!group.touch(bucket(key, day), at)) {
      return;
    }
    while (group.size() > caps.countersPerEvent()) {
      dropBucket(group.evictOldest(), drop);
    }
    while (buckets() > caps.counters()) {
      dropBucket(leastRecentGroup().evictOldest(), drop);
    }
  }

  /** Notes a raised score and drops, through {@code drop}, the scores over the cap. */
  void scoreRaised(String key, long at, ProfileCaps caps, Consumer<String> drop) {
    if (!scores.touch(key, at)) {
      return;
    }
    while (scores.size() > caps.scores()) {
      drop.accept(scores.evictOldest());
    }
  }

  /** A bucket went for another reason (it aged out of the retention). */
  void bucketRemoved(String key, LocalDate day) {
    Recency group = bucketsByEvent.get(ProfileCaps.eventOf(key));
    if (group != null) {
      group.remove(bucket(key, day));
    }
  }

  void scoreRemoved(String key) {
    scores.remove(key);
  }

  void clear() {
    bucketsByEvent.clear();
    scores.clear();
  }

  /** A bucket's name in the index, as the Redis store names it: {@code <key>:<yyyy-mm-dd>}. */
  private static String bucket(String key, LocalDate day) {
    return key + ":" + day;
  }

  private static void dropBucket(String bucket, BiConsumer<String, LocalDate> drop) {
    // The day never contains a colon; the key may.
    int colon = bucket.lastIndexOf(':');
    drop.accept(bucket.substring(0, colon), LocalDate.parse(bucket.substring(colon + 1)));
  }

  private int buckets() {
    return bucketsByEvent.values().stream().mapToInt(Recency::size).sum();
  }

  private Recency leastRecentGroup() {
    return bucketsByEvent.values().stream()
        .filter(group -> group.size() > 0)
        .min(Comparator.comparing(Recency::oldest))
        .orElseThrow();
  }
}
