package dev.bespoke.server.profile.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the updates a profile has applied, so that a retried update is applied once. Ids are
 * remembered for {@link #WINDOW} after their update's time, and at most {@link #MAX_REMEMBERED} of
 * them: a write buffer drained after an outage retries writes whose first attempt may have landed
 * long after many newer ones, so "the last few" is not enough. The Redis store keeps the same
 * window (profile-apply.lua).
 */
final class UpdateIds {

  static final Duration WINDOW = Duration.ofHours(1);
  static final int MAX_REMEMBERED = 1_000;

  private final LinkedHashMap<String, Instant> ids = new LinkedHashMap<>();

  boolean contains(String id) {
    return ids.containsKey(id);
  }

  void remember(String id, Instant at) {
    ids.put(id, at);
    Instant oldest = at.minus(WINDOW);
    Iterator<Map.Entry<String, Instant>> first = ids.entrySet().iterator();
    while (first.hasNext()) {
      Map.Entry<String, Instant> entry = first.next();
      if (ids.size() > MAX_REMEMBERED || entry.getValue().isBefore(oldest)) {
        first.remove();
      } else {
        break;
      }
    }
  }
}
