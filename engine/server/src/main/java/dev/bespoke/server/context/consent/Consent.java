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

  /**
   * Whether the visitor's impressions, clicks and conversions may be counted (experiment results,
   * bandit learning): a refusal never; where the space requires consent, only after a grant.
   */
  public boolean allowsAnalytics(boolean consentRequired) {
    return switch (analytics) {
      case GRANTED -> true;
      case DENIED -> false;
      case UNKNOWN -> !consentRequired;
    };
  }

  /**
   * The consent one request acts on: this request's answers (body or cookie) completed by those the
   * visitor stored earlier with {@code PUT /me/consent}. For personalisation the request's own
   * answer wins, as a grant in it is written back to the profile. For analytics any refusal Bespoke
   * knows of wins, stated or stored: counting someone who said no is the mistake that cannot be
   * undone, while a grant only in the request is merely not counted yet.
   */
  public Consent withStored(Consent stored) {
    ConsentState p =
        personalization != ConsentState.UNKNOWN ? personalization : stored.personalization();
    ConsentState a;
    if (analytics == ConsentState.DENIED || stored.analytics() == ConsentState.DENIED) {
      a = ConsentState.DENIED;
    } else {
      a = analytics != ConsentState.UNKNOWN ? analytics : stored.analytics();
    }
    return new Consent(p, a);
  }

  /** Puts {@code consent.personalization} when known. */
  public void addTo(Map<String, Object> attributes) {
    personalization.asBoolean().ifPresent(v -> attributes.put("consent.personalization", v));
  }
}
