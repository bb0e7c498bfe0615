package dev.bespoke.server.context.consent;

import java.util.Map;

/** What the visitor consented to for this request. */
public record Consent(ConsentState personalization, ConsentState analytics) {

  public static final Consent UNKNOWN = new Consent(ConsentState.UNKNOWN, ConsentState.UNKNOWN);

  /**
   * Whether Bespoke may store things about the visitor (cookie, profile, events): an explicit
   * refusal always stops it; where the space requires consent, only an explicit grant allows it.
   */
  public boolean allowsStorage(boolean consentRequired) {
    return switch (personalization) {
      case GRANTED -> true;
      case DENIED -> false;
      case UNKNOWN -> !consentRequired;
    };
  }

  /** Puts {@code consent.personalization} when known. */
  public void addTo(Map<String, Object> attributes) {
    personalization.asBoolean().ifPresent(v -> attributes.put("consent.personalization", v));
  }
}
