package dev.bespoke.server.events;

import java.time.Instant;
import java.util.Optional;

/**
 * An impression, click or conversion as experiment results need it.
 *
 * @param visitorId the verified visitor, empty when the caller had none
 * @param customerId the logged-in customer, when any
 * @param analyticsAllowed whether the visitor's consent allows counting them: no analytics refusal
 *     stated in the request or stored in the profile, and a grant where the space requires consent
 * @param storedWithProfile whether the visitor's profile was allowed to record the event
 */
public record ExperimentEvent(
    String space,
    Event event,
    Optional<String> visitorId,
    Optional<String> customerId,
    boolean analyticsAllowed,
    boolean storedWithProfile,
    Instant at) {

  @Override
  public String toString() {
    return "ExperimentEvent[" + space + ", " + event + "]";
  }
}
