package dev.bespoke.server.profile.service;

import dev.bespoke.server.profile.ConsentGate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a space decides about storing visitor data.
 *
 * @param consentRequired nothing is stored until personalisation consent is given
 * @param zone the space's time zone: day buckets are its calendar days
 */
public record SpacePolicy(String space, boolean consentRequired, ZoneId zone) {

  /**
   * The gate a write needs given what the request itself stated: a stated refusal stores nothing
   * (empty), a stated grant needs no stored consent, and otherwise the stored consent decides.
   */
  public Optional<ConsentGate> gateFor(Optional<Boolean> statedPersonalization) {
    if (statedPersonalization.isPresent()) {
      return statedPersonalization.get() ? Optional.of(ConsentGate.NONE) : Optional.empty();
    }
    return Optional.of(consentRequired ? ConsentGate.GRANTED : ConsentGate.NOT_REFUSED);
  }
}
