package dev.bespoke.server.profile;

/**
 * The consent a write needs, checked by the store against the stored consent in the same atomic
 * step as the write: a revocation that lands while events are buffered makes them drain into
 * nothing instead of recreating the profile.
 */
public enum ConsentGate {
  /** No check: consent changes themselves, erasure bookkeeping, admin imports. */
  NONE,
  /** Only when personalisation consent is stored (a space with {@code consentRequired}). */
  GRANTED,
  /** Unless a refusal of personalisation is stored (a space without {@code consentRequired}). */
  NOT_REFUSED;

  public boolean allows(Consent stored) {
    return switch (this) {
      case NONE -> true;
      case GRANTED -> stored != null && stored.personalization();
      case NOT_REFUSED -> stored == null || stored.personalization();
    };
  }
}
