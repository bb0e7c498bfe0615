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
 * last written and names the least recent to drop when the profile holds more than a cap allows.
 */
final class Evictions {

  private final Map<String, Recency> bucketsByEvent = new HashMap<>();
  private final Recency scores = new Recency();

  /** Notes a counted bucket; {@link #enforce} drops what the caps no longer hold. */
  void bucketCounted(String key, LocalDate day, long at) {
    bucketsByEvent
        .computeIfAbsent(ProfileCaps.eventOf(key), g -> new Recency())
        .touch(bucket(key, day), at);
  }

  void scoreRaised(String key, long at) {
    scores.touch(key, at);
  }

  /**
   * Drops, through the callbacks, the least recent entries beyond the caps: per event name first,
   * then per profile across event names, then the scores. Run once per write, after its operations,
   * as {@code profile-apply.lua} does.
   */
  void enforce(
      ProfileCaps caps, BiConsumer<String, LocalDate> bucketDrop, Consumer<String> scoreDrop) {
    for (Recency group : bucketsByEvent.values()) {
      while (group.size() > caps.countersPerEvent()) {
        dropBucket(group.evictOldest(), bucketDrop);
      }
    }
    while (buckets() > caps.counters()) {
      dropBucket(leastRecentGroup().evictOldest(), bucketDrop);
    }
    while (scores.size() > caps.scores()) {
      scoreDrop.accept(scores.evictOldest());
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
