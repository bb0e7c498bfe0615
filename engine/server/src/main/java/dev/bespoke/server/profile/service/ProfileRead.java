package dev.bespoke.server.profile.service;

import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.profile.Profile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the delivery path learns about a visitor's stored profile. Never an exception: when the
 * store is slow, down or its breaker open, the read is {@link #degraded} and says why, and the
 * decision goes on from request signals alone.
 *
 * @param customerTraits the logged-in customer's CRM traits, empty otherwise
 * @param reason why the read is degraded ({@code timeout}, {@code unavailable}, {@code
 *     breaker-open}, {@code overloaded}); {@code null} otherwise
 */
public record ProfileRead(
    Status status, Profile profileOrNull, Map<String, Object> customerTraits, String reason) {

  /** How the read went. */
  public enum Status {
    FOUND,
    /** No profile stored: a new visitor, or one whose profile expired. */
    ABSENT,
    /** The profile was erased; nothing may be stored for this id. */
    ERASED,
    /** The store could not answer in time; nothing is known. */
    DEGRADED
  }

  public static final String TIMEOUT = "timeout";
  public static final String UNAVAILABLE = "unavailable";
  public static final String BREAKER_OPEN = "breaker-open";
  public static final String OVERLOADED = "overloaded";

  public ProfileRead {
    customerTraits = Map.copyOf(customerTraits);
  }

  public static ProfileRead found(Profile profile, Map<String, Object> customerTraits) {
    return new ProfileRead(Status.FOUND, profile, customerTraits, null);
  }

  public static ProfileRead absent(Map<String, Object> customerTraits) {
    return new ProfileRead(Status.ABSENT, null, customerTraits, null);
  }

  public static ProfileRead erased() {
    return new ProfileRead(Status.ERASED, null, Map.of(), null);
  }

  public static ProfileRead degraded(String reason) {
    return new ProfileRead(Status.DEGRADED, null, Map.of(), reason);
  }

  public Optional<Profile> profile() {
    return Optional.ofNullable(profileOrNull);
  }

  public boolean isDegraded() {
    return status == Status.DEGRADED;
  }

  public boolean isErased() {
    return status == Status.ERASED;
  }

  /** The consent the visitor stored with {@code PUT /me/consent}; unknown when none was read. */
  public Consent storedConsent() {
    return profile()
        .flatMap(Profile::statedConsent)
        .map(dev.bespoke.server.profile.Consent::asAnswers)
        .orElse(Consent.UNKNOWN);
  }

  /**
   * The traits a rule sees as {@code profile.<trait>}: the CRM's, overridden by what the visitor
   * stated themselves, because a self-stated preference is the more recent and more deliberate.
   */
  public Map<String, Object> traits() {
    Map<String, Object> all = new HashMap<>(customerTraits);
    profile().ifPresent(p -> all.putAll(p.traits()));
    return all;
  }
}
