package dev.bespoke.server.profile.store;

import dev.bespoke.server.profile.Profile;
import java.util.Optional;

/**
 * What a store holds under one key: a profile, nothing, or a tombstone (erased: nothing may be
 * written there again until the tombstone expires).
 */
public record ProfileLookup(Profile profileOrNull, boolean erased) {

  public static final ProfileLookup ABSENT = new ProfileLookup(null, false);
  public static final ProfileLookup ERASED = new ProfileLookup(null, true);

  public static ProfileLookup of(Profile profile) {
    return new ProfileLookup(profile, false);
  }

  public Optional<Profile> profile() {
    return Optional.ofNullable(profileOrNull);
  }
}
