package dev.bespoke.server.profile.service;

import dev.bespoke.server.snapshot.SnapshotRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Space rules for the profile and event paths, from the published snapshot: in memory, so the event
 * path never waits on the database.
 */
@ApplicationScoped
public class SpacePolicies {

  private final SnapshotRegistry snapshots;

  public SpacePolicies(SnapshotRegistry snapshots) {
    this.snapshots = snapshots;
  }

  /**
   * The space's policy; empty when the space does not exist (or is archived). Before the first
   * snapshot has loaded (database down at start) every space is assumed to require consent: when in
   * doubt, store nothing that was not explicitly allowed.
   */
  public Optional<SpacePolicy> find(String space) {
    Optional<SpacePolicy> known =
        snapshots.get(space).map(s -> new SpacePolicy(space, s.consentRequired(), s.zone()));
    if (known.isPresent() || snapshots.loaded()) {
      return known;
    }
    return Optional.of(new SpacePolicy(space, true, ZoneOffset.UTC));
  }
}
