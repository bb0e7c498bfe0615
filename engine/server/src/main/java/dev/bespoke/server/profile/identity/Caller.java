package dev.bespoke.server.profile.identity;

import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.consent.ConsentState;
import java.util.Optional;

/**
 * Who a request speaks for.
 *
 * @param visitorId the verified (signed) visitor id, empty when none was sent or it did not verify
 * @param customerId the logged-in customer, when a session token verified
 * @param personalization the request's stated personalisation consent, empty when unstated
 * @param analytics the request's stated analytics consent, empty when unstated
 */
public record Caller(
    Optional<String> visitorId,
    Optional<String> customerId,
    Optional<Boolean> personalization,
    Optional<Boolean> analytics) {

  public static final Caller NOBODY =
      new Caller(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** The consent the request states, as context resolution reads it. */
  public Consent consent() {
    return new Consent(
        ConsentState.of(personalization.orElse(null)), ConsentState.of(analytics.orElse(null)));
  }

  @Override
  public String toString() {
    // Ids are credentials and personal data: only whether they are there.
    return "Caller[visitor=" + visitorId.isPresent() + ", customer=" + customerId.isPresent() + "]";
  }
}
