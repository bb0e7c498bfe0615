package dev.bespoke.server.experiment.counting;

import dev.bespoke.store.experiment.ExperimentDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The counter fields of one experiment run, as stored: {@code v:<arm>} exposed visitors, {@code
 * c:<arm>} converted visitors, {@code v:<arm>:<yyyy-mm-dd>} and {@code c:<arm>:<yyyy-mm-dd>} the
 * new ones per day (space time zone), {@code x:consent}, {@code x:unexposed} and {@code x:early}
 * excluded events, {@code b:v:<bucket>} and {@code b:c:<bucket>} the new visitors and conversions
 * of the burst check's recent buckets (all arms), and {@code q:v:window}, {@code q:v:expected},
 * {@code q:c:window}, {@code q:c:expected} what the burst check found when it flagged a burst (the
 * expected counts in thousandths). The same map is what a stop freezes, so live and frozen results
 * are read the same way.
 */
public record CounterValues(Map<String, Long> fields) {

  public static final CounterValues EMPTY = new CounterValues(Map.of());

  public CounterValues {
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  public long visitors(String arm) {
    return fields.getOrDefault(visitorsField(arm), 0L);
  }

  public long conversions(String arm) {
    return fields.getOrDefault(conversionsField(arm), 0L);
  }

  /** Every exposed visitor, all arms. */
  public long allVisitors() {
    return sum("v:");
  }

  /** Every converted visitor, all arms. */
  public long allConversions() {
    return sum("c:");
  }

  /** New visitors counted in buckets {@code from} to {@code to}, both included. */
  public long visitorsInBuckets(long from, long to) {
    return inBuckets(BUCKET_VISITORS, from, to);
  }

  /** Conversions counted in buckets {@code from} to {@code to}, both included. */
  public long conversionsInBuckets(long from, long to) {
    return inBuckets(BUCKET_CONVERSIONS, from, to);
  }

  /** The bucket fields older than {@code from}: they left the window and can go. */
  public List<String> bucketsBefore(long from) {
    List<String> old = new ArrayList<>();
    for (String field : fields.keySet()) {
      if ((field.startsWith(BUCKET_VISITORS) || field.startsWith(BUCKET_CONVERSIONS))
          && bucketOf(field) < from) {
        old.add(field);
      }
    }
    return old;
  }

  /** A field's value, if it is set. */
  public Optional<Long> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  public long excluded(Exclusion reason) {
    return fields.getOrDefault(reason.field(), 0L);
  }

  /** The new visitors and conversions per day and arm, in day order. */
  public List<ExperimentDay> days() {
    Map<LocalDate, Map<String, long[]>> byDay = new TreeMap<>();
    for (Map.Entry<String, Long> f : fields.entrySet()) {
      String[] parts = f.getKey().split(":");
      if (parts.length != 3 || !(parts[0].equals("v") || parts[0].equals("c"))) {
        continue;
      }
      long[] pair =
          byDay
              .computeIfAbsent(LocalDate.parse(parts[2]), d -> new TreeMap<>())
              .computeIfAbsent(parts[1], a -> new long[2]);
      pair[parts[0].equals("v") ? 0 : 1] += f.getValue();
    }
    List<ExperimentDay> days = new ArrayList<>();
    byDay.forEach(
        (day, arms) ->
            arms.forEach((arm, pair) -> days.add(new ExperimentDay(day, arm, pair[0], pair[1]))));
    return days;
  }

  private long sum(String prefix) {
    long total = 0;
    for (Map.Entry<String, Long> f : fields.entrySet()) {
      String k = f.getKey();
      if (k.startsWith(prefix) && k.indexOf(':', prefix.length()) < 0) {
        total += f.getValue();
      }
    }
    return total;
  }

  private long inBuckets(String prefix, long from, long to) {
    long total = 0;
    for (long b = from; b <= to; b++) {
      total += fields.getOrDefault(prefix + b, 0L);
    }
    return total;
  }

  private static long bucketOf(String field) {
    try {
      return Long.parseLong(field.substring(field.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static final String BUCKET_VISITORS = "b:v:";
  private static final String BUCKET_CONVERSIONS = "b:c:";

  static String visitorsInBucket(long bucket) {
    return BUCKET_VISITORS + bucket;
  }

  static String conversionsInBucket(long bucket) {
    return BUCKET_CONVERSIONS + bucket;
  }

  static String visitorsField(String arm) {
    return "v:" + arm;
  }

  static String conversionsField(String arm) {
    return "c:" + arm;
  }

  static String visitorsOnDay(String arm, LocalDate day) {
    return "v:" + arm + ":" + day;
  }

  static String conversionsOnDay(String arm, LocalDate day) {
    return "c:" + arm + ":" + day;
  }
}
