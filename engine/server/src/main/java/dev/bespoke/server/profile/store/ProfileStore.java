package dev.bespoke.server.profile.store;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.WriteOutcome;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where profiles and customers' CRM traits are kept. Every method is non-blocking: it answers a
 * {@link Uni} and never ties up the calling thread while the store works, so a slow Redis cannot
 * exhaust a thread pool. Failures arrive as failed {@code Uni}s; callers on the delivery path go
 * through {@code ProfileGateway}, which bounds the wait and never fails.
 *
 * <p>Every write honours the key's tombstone: an erased profile is not recreated by a late event or
 * an old cookie until the tombstone expires (after the profile TTL, by which time nothing that
 * could refer to it is left).
 */
public interface ProfileStore {

  /** The profile under the key, in one round trip. */
  Uni<ProfileLookup> read(ProfileKey key);

  /** Applies the update atomically and refreshes the profile's TTL. */
  Uni<WriteOutcome> apply(ProfileKey key, ProfileUpdate update);

  /** Removes the profile without a tombstone (after a login merge, or a consent revocation). */
  Uni<Void> delete(ProfileKey key);

  /**
   * Removes every key of the profile (and, for a customer, its CRM traits) and leaves a tombstone
   * that lives as long as a profile would, so nothing recreates it meanwhile.
   */
  Uni<Void> erase(ProfileKey key);

  Uni<Boolean> isErased(ProfileKey key);

  /** A customer's CRM traits; empty when none are stored. */
  Uni<Map<String, Object>> customerTraits(String space, String customerId);

  /**
   * Replaces the customers' CRM traits, each customer atomically. Erased customers are skipped.
   *
   * @return how many customers were written
   */
  Uni<Integer> replaceCustomerTraits(String space, List<CustomerTraits> customers);

  /** {@code memory} or {@code redis}, for logs and health. */
  String kind();

  default Uni<Void> erase(String space, String visitorId) {
    return erase(ProfileKey.visitor(space, visitorId));
  }

  default Uni<Boolean> isErased(String space, String visitorId) {
    return isErased(ProfileKey.visitor(space, visitorId));
  }

  /**
   * Folds the anonymous visitor's profile into the customer's at login, then removes the anonymous
   * one: counters add up per day, scores combine, the customer's existing experiment assignment
   * wins (otherwise the anonymous one is kept), conversions are united. A retry after a lost answer
   * is recognised by the update id and not counted twice.
   */
  default Uni<WriteOutcome> merge(
      String space, String anonymousVisitorId, String customerId, Instant at, LocalDate today) {
    ProfileKey anonymous = ProfileKey.visitor(space, anonymousVisitorId);
    ProfileKey customer = ProfileKey.customer(space, customerId);
    return read(anonymous)
        .flatMap(
            lookup -> {
              ProfileUpdate fold = ProfileFold.into(customerId, lookup.profile(), at, today);
              return apply(customer, fold)
                  .flatMap(
                      outcome ->
                          lookup.profile().isPresent()
                              ? delete(anonymous).replaceWith(outcome)
                              : Uni.createFrom().item(outcome));
            });
  }
}
