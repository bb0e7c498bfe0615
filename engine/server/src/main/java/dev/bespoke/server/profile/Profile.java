package dev.bespoke.server.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Bespoke keeps about one visitor (or one logged-in customer) between requests. Immutable;
 * maps are unmodifiable copies.
 *
 * @param id the visitor id, or the customer id for a customer's profile
 * @param customerId the customer this visitor logged in as, {@code null} when never
 * @param visits sessions counted with a gap of at least the session gap (30 minutes) between them
 * @param firstSeen first visit, {@code null} before the first touch
 * @param lastSeen latest touch, {@code null} before the first touch
 * @param visitPageviews pageviews in the current visit
 * @param counters behaviour counters ({@code pageview.category.shoes}) by day bucket
 * @param scores interest scores ({@code category.shoes}) with their decay reference
 * @param traits self-stated (zero-party) traits: strings, numbers and booleans
 * @param consent the consent last stated, {@code null} when never stated
 * @param assignments experiment key to arm; once set never changed
 * @param conversions goal to the first time the visitor converted on it
 */
public record Profile(
    String id,
    String customerId,
    long visits,
    Instant firstSeen,
    Instant lastSeen,
    long visitPageviews,
    Map<String, Map<LocalDate, Long>> counters,
    Map<String, Score> scores,
    Map<String, Object> traits,
    Consent consent,
    Map<String, String> assignments,
    Map<String, Instant> conversions) {

  public Profile {
    counters = copyCounters(counters);
    scores = Collections.unmodifiableMap(new TreeMap<>(scores));
    traits = Collections.unmodifiableMap(new TreeMap<>(traits));
    assignments = Collections.unmodifiableMap(new TreeMap<>(assignments));
    conversions = Collections.unmodifiableMap(new TreeMap<>(conversions));
  }

  public Optional<String> customer() {
    return Optional.ofNullable(customerId);
  }

  public Optional<Consent> statedConsent() {
    return Optional.ofNullable(consent);
  }

  /**
   * Events under {@code key} in the last {@code days} calendar days up to and including {@code
   * today}: {@code days = 1} is today only. The same window as the decision core's {@code within}.
   */
  public long count(String key, long days, LocalDate today) {
    Map<LocalDate, Long> buckets = counters.get(key);
    if (buckets == null || days <= 0) {
      return 0;
    }
    LocalDate from = today.minusDays(days - 1);
    long sum = 0;
    for (Map.Entry<LocalDate, Long> bucket : buckets.entrySet()) {
      LocalDate day = bucket.getKey();
      if (!day.isBefore(from) && !day.isAfter(today)) {
        sum += bucket.getValue();
      }
    }
    return sum;
  }

  /** Every recorded event under {@code key}, within the retention kept. */
  public long total(String key) {
    Map<LocalDate, Long> buckets = counters.get(key);
    return buckets == null ? 0 : buckets.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The interest score for {@code key} decayed to {@code now}; 0 when none. */
  public double score(String key, Instant now, Duration halfLife) {
    Score score = scores.get(key);
    return score == null ? 0 : score.valueAt(now, halfLife);
  }

  /** Whether the visitor converted on the goal (for {@code suppressAfterConversion}). */
  public boolean converted(String goal) {
    return conversions.containsKey(goal);
  }

  private static Map<String, Map<LocalDate, Long>> copyCounters(
      Map<String, Map<LocalDate, Long>> counters) {
    Map<String, Map<LocalDate, Long>> copy = new LinkedHashMap<>();
    new TreeMap<>(counters)
        .forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /** Never the data: a profile is personal, and toString ends up in logs. */
  @Override
  public String toString() {
    return "Profile[visits=" + visits + ", counters=" + counters.size() + "]";
  }
}
