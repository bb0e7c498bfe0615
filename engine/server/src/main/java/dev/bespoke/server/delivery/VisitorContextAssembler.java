package dev.bespoke.server.delivery;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.server.context.ResolvedRequest;
import dev.bespoke.server.profile.Profile;
import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.server.profile.Score;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the core's visitor context from what context resolution found in the request and what the
 * profile store holds. The request's own signals win over stored traits of the same name; visit
 * facts describe the visit this request belongs to, so a visitor's first request already counts as
 * visit 1.
 */
@ApplicationScoped
public class VisitorContextAssembler {

  private final Duration sessionGap;
  private final Duration halfLife;

  public VisitorContextAssembler(ProfileConfig profiles) {
    this.sessionGap = profiles.sessionGap();
    this.halfLife = profiles.scoreHalfLife();
  }

  public VisitorContext assemble(
      SpaceSnapshot snapshot, ResolvedRequest request, ProfileRead read, Instant now) {
    VisitorContext.Builder builder =
        VisitorContext.builder(now, snapshot.zone())
            .segmentResolver(snapshot.segments().resolver());
    Map<String, Object> attributes = new HashMap<>();
    read.traits().forEach((name, value) -> attributes.put("profile." + name, value));
    read.profile()
        .ifPresentOrElse(
            p -> addProfile(p, builder, attributes, now), () -> firstVisit(attributes));
    attributes.putAll(request.attributes());
    attributes.putIfAbsent("customer.loggedIn", request.customer().isPresent());
    return builder.attributes(attributes).build();
  }

  private void addProfile(
      Profile profile,
      VisitorContext.Builder builder,
      Map<String, Object> attributes,
      Instant now) {
    profile.traits().forEach((name, value) -> attributes.put("profile." + name, value));
    boolean newVisit =
        profile.lastSeen() == null
            || Duration.between(profile.lastSeen(), now).compareTo(sessionGap) > 0;
    long visits = Math.max(profile.visits(), 0) + (newVisit ? 1 : 0);
    attributes.put("visit.count", visits);
    attributes.put("visit.first", visits <= 1);
    attributes.put("visit.pageviews", newVisit ? 0L : profile.visitPageviews());
    if (profile.lastSeen() != null) {
      attributes.put("visit.daysSinceLast", ChronoUnit.DAYS.between(profile.lastSeen(), now));
    }
    for (Map.Entry<String, Map<LocalDate, Long>> counter : profile.counters().entrySet()) {
      counter.getValue().forEach((day, count) -> builder.behavior(counter.getKey(), day, count));
    }
    for (Map.Entry<String, Score> score : profile.scores().entrySet()) {
      builder.score(score.getKey(), score.getValue().valueAt(now, halfLife));
    }
  }

  private static void firstVisit(Map<String, Object> attributes) {
    attributes.put("visit.count", 1L);
    attributes.put("visit.first", true);
    attributes.put("visit.pageviews", 0L);
  }
}
