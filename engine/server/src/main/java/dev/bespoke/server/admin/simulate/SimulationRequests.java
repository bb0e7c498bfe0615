package dev.bespoke.server.admin.simulate;

import dev.bespoke.server.profile.Traits;
import dev.bespoke.store.common.ContextAttributes;
import dev.bespoke.store.common.FieldErrors;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Checks a described visitor before anything is decided for it. The delivery path trusts its inputs
 * to be what a real request could carry; a simulation is written by hand (or by a console form), so
 * a {@code null} or an object where a value belongs is an editor's mistake to name, not a server
 * error.
 */
final class SimulationRequests {

  private SimulationRequests() {}

  static void validate(SimulationRequest request) {
    FieldErrors errors = new FieldErrors();
    if (request == null) {
      errors.add("body", "a JSON body is required").throwIfAny();
    }
    if (request.channel() == null || request.channel().isBlank()) {
      errors.add("channel", "is required");
    }
    ContextAttributes.check(request.attributes(), "attributes", errors);
    if (request.profile() != null) {
      checkProfile(request.profile(), errors);
    }
    errors.throwIfAny();
  }

  private static void checkProfile(SimulationRequest.SimulatedProfile profile, FieldErrors errors) {
    if (profile.visits() != null && profile.visits() < 0) {
      errors.add("profile.visits", "must not be negative");
    }
    if (profile.traits() != null) {
      errors.addAll(Traits.check(profile.traits(), "profile.traits"));
    }
    if (profile.counters() != null) {
      profile.counters().forEach((key, days) -> checkDays("profile.counters." + key, days, errors));
    }
    if (profile.scores() != null) {
      profile
          .scores()
          .forEach(
              (key, score) -> {
                if (score == null || !Double.isFinite(score) || score < 0) {
                  errors.add("profile.scores." + key, "must be a number of at least 0");
                }
              });
    }
    List<String> conversions = profile.conversions();
    if (conversions != null) {
      for (int i = 0; i < conversions.size(); i++) {
        if (conversions.get(i) == null || conversions.get(i).isBlank()) {
          errors.add("profile.conversions[" + i + "]", "must name a goal");
        }
      }
    }
  }

  private static void checkDays(String field, Map<LocalDate, Long> days, FieldErrors errors) {
    if (days == null) {
      errors.add(field, "must map days to counts");
      return;
    }
    days.forEach(
        (day, count) -> {
          if (count == null || count < 0) {
            errors.add(field + "." + day, "must be a count of at least 0");
          }
        });
  }
}
