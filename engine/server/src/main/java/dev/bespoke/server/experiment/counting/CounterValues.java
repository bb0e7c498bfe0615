package dev.bespoke.server.experiment.counting;

import dev.bespoke.store.experiment.ExperimentDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counter fields of one experiment run, as stored: {@code v:<arm>} exposed visitors, {@code
 * c:<arm>} converted visitors, {@code v:<arm>:<yyyy-mm-dd>} and {@code c:<arm>:<yyyy-mm-dd>} the
 * new ones per day (space time zone), {@code x:consent} and {@code x:unexposed} excluded events.
 * The same map is what a stop freezes, so live and frozen results are read the same way.
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
