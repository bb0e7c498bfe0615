package dev.bespoke.server.profile.service;

import dev.bespoke.server.profile.Consent;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileOp;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.store.CustomerTraits;
import dev.bespoke.server.profile.store.ProfileStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Profile use cases outside the delivery hot path: a visitor's own data ({@code /me}), consent and
 * preferences, admin look-up and erasure, CRM traits. These wait longer than a decision would, but
 * still go through the shared breaker, and fail with {@link ProfileUnavailableException} (503)
 * rather than hang when the store is down.
 */
@ApplicationScoped
public class ProfileService {

  /** Long enough for a 10,000-customer import; short enough that a stalled Redis answers 503. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ProfileGateway gateway;
  private final Clock clock;

  public ProfileService(ProfileGateway gateway, Clock clock) {
    this.gateway = gateway;
    this.clock = clock;
  }

  /** The stored profile (with CRM traits for a customer); empty when absent or erased. */
  public Uni<Optional<ProfileRead>> find(ProfileKey key) {
    return guarded(
        () ->
            Uni.combine()
                .all()
                .unis(
                    store().read(key),
                    key.isCustomer()
                        ? store().customerTraits(key.space(), key.id())
                        : Uni.createFrom().item(Map.<String, Object>of()))
                .with(
                    (lookup, traits) -> {
                      if (lookup.erased()) {
                        return Optional.<ProfileRead>empty();
                      }
                      if (lookup.profile().isEmpty() && traits.isEmpty()) {
                        return Optional.<ProfileRead>empty();
                      }
                      return Optional.of(
                          lookup
                              .profile()
                              .map(p -> ProfileRead.found(p, traits))
                              .orElseGet(() -> ProfileRead.absent(traits)));
                    }));
  }

  /** Erases every key of the subject and leaves a tombstone. */
  public Uni<Void> erase(ProfileKey key) {
    return guarded(() -> store().erase(key));
  }

  /**
   * Stores the visitor's consent. A grant is stored. A refusal forgets everything else: where the
   * space requires consent the profile is deleted outright (refusal is the default there, nothing
   * needs remembering); elsewhere only the refusal is kept, in the same atomic step, so later
   * events cannot recreate the profile.
   */
  public Uni<WriteOutcome> consent(
      ProfileKey key, boolean personalization, boolean analytics, SpacePolicy space) {
    if (!personalization && space.consentRequired()) {
      return guarded(() -> store().delete(key)).replaceWith(WriteOutcome.APPLIED);
    }
    Instant now = clock.instant();
    ProfileUpdate.Builder update = builder(now, space.zone()).gate(ConsentGate.NONE);
    if (!personalization) {
      update.op(new ProfileOp.Reset());
    }
    update.op(new ProfileOp.SetConsent(new Consent(personalization, analytics, now)));
    ProfileUpdate built = update.build();
    return guarded(() -> store().apply(key, built));
  }

  /** Replaces the visitor's self-stated traits (already checked with {@code Traits.check}). */
  public Uni<WriteOutcome> preferences(
      ProfileKey key, Map<String, Object> traits, ConsentGate gate, ZoneId zone) {
    ProfileUpdate.Builder update =
        builder(clock.instant(), zone).gate(gate).op(new ProfileOp.ClearTraits());
    traits.forEach((name, value) -> update.op(new ProfileOp.SetTrait(name, value)));
    ProfileUpdate built = update.build();
    return guarded(() -> store().apply(key, built));
  }

  /** Replaces customers' CRM traits; answers how many were written (erased ones are skipped). */
  public Uni<Integer> replaceCustomerTraits(String space, List<CustomerTraits> customers) {
    return guarded(() -> store().replaceCustomerTraits(space, customers));
  }

  private ProfileStore store() {
    return gateway.store();
  }

  private static ProfileUpdate.Builder builder(Instant now, ZoneId zone) {
    return ProfileUpdate.builder(now, LocalDate.ofInstant(now, zone));
  }

  private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
    CircuitBreaker breaker = gateway.breaker();
    if (!breaker.tryAcquire()) {
      return Uni.createFrom()
          .failure(
              new ProfileUnavailableException(
                  "the profile store is unavailable", breaker.retryIn(), null));
    }
    return Uni.createFrom()
        .deferred(() -> call.get())
        .ifNoItem()
        .after(TIMEOUT)
        .fail()
        .invoke(result -> breaker.onSuccess())
        .onFailure()
        .transform(
            failure -> {
              breaker.onFailure();
              return new ProfileUnavailableException(
                  "the profile store did not answer", breaker.retryIn(), failure);
            });
  }
}
