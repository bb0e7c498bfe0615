package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bespoke.server.profile.Consent;
import dev.bespoke.server.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored profile as the API shows it: to the visitor themselves ({@code GET /api/v1/me}) and to
 * admins. Scores are shown decayed to the moment of the answer.
 *
 * @param counters behaviour counters by key, then by day ({@code 2026-11-24})
 * @param experiments experiment key to assigned arm
 * @param conversions goal to when the visitor first converted on it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileView(
    String customerId,
    Visits visits,
    ConsentView consent,
    Map<String, Map<String, Long>> counters,
    Map<String, ScoreView> scores,
    Map<String, Object> traits,
    Map<String, String> experiments,
    Map<String, Instant> conversions) {

  /** Visits: sessions at least the session gap apart. */
  public record Visits(long count, Instant firstSeen, Instant lastSeen, long pageviewsThisVisit) {}

  /** Consent as last stated. */
  public record ConsentView(boolean personalization, boolean analytics, Instant at) {
    static ConsentView of(Consent c) {
      return c == null ? null : new ConsentView(c.personalization(), c.analytics(), c.at());
    }
  }

  /** An interest score decayed to now, with its half-life (ISO-8601, {@code P14D}). */
  public record ScoreView(double value, Instant lastEvidence, String halfLife) {}

  public static ProfileView of(Profile p, Instant now, Duration halfLife) {
    Map<String, Map<String, Long>> counters = new TreeMap<>();
    p.counters().forEach((key, days) -> counters.put(key, byDay(days)));
    Map<String, ScoreView> scores = new TreeMap<>();
    p.scores()
        .forEach(
            (key, score) ->
                scores.put(
                    key,
                    new ScoreView(
                        round(score.valueAt(now, halfLife)), score.asOf(), iso(halfLife))));
    return new ProfileView(
        p.customerId(),
        new Visits(p.visits(), p.firstSeen(), p.lastSeen(), p.visitPageviews()),
        ConsentView.of(p.consent()),
        counters,
        scores,
        p.traits(),
        p.assignments(),
        p.conversions());
  }

  private static Map<String, Long> byDay(Map<LocalDate, Long> days) {
    Map<String, Long> out = new LinkedHashMap<>();
    days.forEach((day, n) -> out.put(day.toString(), n));
    return out;
  }

  /** Whole days as the API writes durations ({@code P14D}); anything finer as Java does. */
  static String iso(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
  }

  /** Four decimals: enough to read, and no false precision from the decay arithmetic. */
  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
