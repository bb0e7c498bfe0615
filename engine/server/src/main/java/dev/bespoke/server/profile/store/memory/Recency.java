package dev.bespoke.server.profile.store.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * When each entry of one group (the day buckets of one event name, or the scores) was last written,
 * ordered as a Redis sorted set orders its members: by time, then by name. The Redis store keeps
 * the same index as a sorted set per group, so both evict the same entry.
 */
final class Recency {

  /** One entry's last write. */
  record Touch(long at, String name) implements Comparable<Touch> {
    @Override
    public int compareTo(Touch other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : CodePoints.compare(name, other.name);
    }
  }

  private final Map<String, Long> lastTouched = new HashMap<>();
  private final NavigableSet<Touch> order = new TreeSet<>();

  /**
   * Notes a write of {@code name} at {@code at}; an older write than the one known leaves it as it
   * is, as {@code ZADD GT} does, so writes landing out of order give the same index.
   */
  void touch(String name, long at) {
    Long known = lastTouched.get(name);
    if (known != null && known >= at) {
      return;
    }
    if (known != null) {
      order.remove(new Touch(known, name));
    }
    lastTouched.put(name, at);
    order.add(new Touch(at, name));
  }

  void remove(String name) {
    Long known = lastTouched.remove(name);
    if (known != null) {
      order.remove(new Touch(known, name));
    }
  }

  int size() {
    return order.size();
  }

  /** The least recent entry; the group must not be empty. */
  Touch oldest() {
    return order.first();
  }

  /** Removes and answers the least recent entry's name; the group must not be empty. */
  String evictOldest() {
    Touch oldest = order.pollFirst();
    lastTouched.remove(oldest.name());
    return oldest.name();
  }

  void clear() {
    lastTouched.clear();
    order.clear();
  }
}
