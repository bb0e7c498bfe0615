package dev.bespoke.server.profile.store;

import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.Profile;
import dev.bespoke.server.profile.ProfileOp;
import dev.bespoke.server.profile.ProfileUpdate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Turns an anonymous profile into the update that folds it into a customer's profile. */
final class ProfileFold {

  private ProfileFold() {}

  static ProfileUpdate into(
      String customerId, Optional<Profile> anonymous, Instant at, LocalDate today) {
    // The customer logged in, so the visit was already gated by the delivery path's consent
    // check; the fold itself must not be refused by a customer profile that has no consent yet.
    ProfileUpdate.Builder update = ProfileUpdate.builder(at, today).gate(ConsentGate.NONE);
    update.op(new ProfileOp.LinkCustomer(customerId));
    anonymous.ifPresent(p -> addAll(update, p));
    return update.build();
  }

  private static void addAll(ProfileUpdate.Builder update, Profile p) {
    p.counters()
        .forEach(
            (key, days) -> days.forEach((day, n) -> update.op(new ProfileOp.Count(key, day, n))));
    p.scores().forEach((key, score) -> update.op(new ProfileOp.AddScore(key, score)));
    p.traits().forEach((name, value) -> update.op(new ProfileOp.SetTrait(name, value)));
    p.assignments().forEach((exp, arm) -> update.op(new ProfileOp.Assign(exp, arm)));
    p.conversions().forEach((goal, when) -> update.op(new ProfileOp.Convert(goal, when)));
    p.statedConsent().ifPresent(c -> update.op(new ProfileOp.SetConsent(c)));
    if (p.lastSeen() != null) {
      update.op(
          new ProfileOp.FoldVisits(p.visits(), p.firstSeen(), p.lastSeen(), p.visitPageviews()));
    }
  }
}
