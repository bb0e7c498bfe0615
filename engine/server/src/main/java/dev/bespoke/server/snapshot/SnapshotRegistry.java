package dev.bespoke.server.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshots this node serves, one per space, each replaced whole. Readers get either the old or
 * the new snapshot of a space, never a mixture.
 */
@ApplicationScoped
public class SnapshotRegistry {

  private final Map<String, SpaceSnapshot> snapshots = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  public Optional<SpaceSnapshot> get(String space) {
    return Optional.ofNullable(snapshots.get(space));
  }

  /** Installs a snapshot unless a newer one is already there (two rebuilds may race). */
  public void install(SpaceSnapshot snapshot) {
    snapshots.merge(
        snapshot.space(),
        snapshot,
        (current, candidate) ->
            candidate.generation() >= current.generation() ? candidate : current);
  }

  public void remove(String space) {
    snapshots.remove(space);
  }

  public Set<String> spaces() {
    return Set.copyOf(snapshots.keySet());
  }

  public long generation(String space) {
    SpaceSnapshot snapshot = snapshots.get(space);
    return snapshot == null ? -1 : snapshot.generation();
  }

  /** Whether the first full load has completed: until then the node is not ready. */
  public boolean loaded() {
    return loaded;
  }

  void markLoaded() {
    loaded = true;
  }
}
