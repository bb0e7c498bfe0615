package dev.bespoke.server.profile.store.memory;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.store.CustomerTraits;
import dev.bespoke.server.profile.store.ProfileLookup;
import dev.bespoke.server.profile.store.ProfileStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Profiles in this process's memory, for the embedded mode. Each key's changes run inside {@link
 * ConcurrentHashMap#compute}, so an update is atomic per profile as in Redis. Entries past their
 * TTL read as absent at once and are removed by {@link #sweep()}.
 *
 * <p>Reads and writes run on a worker executor, never on the calling thread: the caller may be a
 * Vert.x event loop, and a profile waiting on another write's per-key lock (or being copied) must
 * not stall every request that loop serves. Answering from another thread is also what lets {@code
 * ProfileGateway} cut a slow read off at {@code bespoke.profile.timeout}, as it does for Redis.
 */
public final class MemoryProfileStore implements ProfileStore {

  private final ProfileSettings settings;
  private final Clock clock;
  private final Executor worker;
  private final Map<ProfileKey, Entry> profiles = new ConcurrentHashMap<>();
  private final Map<ProfileKey, Instant> tombstones = new ConcurrentHashMap<>();
  private final Map<ProfileKey, TraitsEntry> customerTraits = new ConcurrentHashMap<>();

  /** A store whose work runs on Mutiny's default worker pool (Quarkus's own in the server). */
  public MemoryProfileStore(ProfileSettings settings, Clock clock) {
    this(settings, clock, Infrastructure.getDefaultWorkerPool());
  }

  public MemoryProfileStore(ProfileSettings settings, Clock clock, Executor worker) {
    this.settings = settings;
    this.clock = clock;
    this.worker = worker;
  }

  @Override
  public Uni<ProfileLookup> read(ProfileKey key) {
    return offTheCaller(() -> lookup(key));
  }

  private <T> Uni<T> offTheCaller(Supplier<T> work) {
    return Uni.createFrom().item(work).runSubscriptionOn(worker);
  }

  private ProfileLookup lookup(ProfileKey key) {
    if (erased(key)) {
      return ProfileLookup.ERASED;
    }
    ProfileLookup[] found = {ProfileLookup.ABSENT};
    profiles.computeIfPresent(
        key,
        (k, entry) -> {
          if (entry.expired(now())) {
            return null;
          }
          found[0] = ProfileLookup.of(entry.state.toProfile(k.id()));
          return entry;
        });
    return found[0];
  }

  @Override
  public Uni<WriteOutcome> apply(ProfileKey key, ProfileUpdate update) {
    return offTheCaller(() -> write(key, update));
  }

  private WriteOutcome write(ProfileKey key, ProfileUpdate update) {
    if (erased(key)) {
      return WriteOutcome.ERASED;
    }
    WriteOutcome[] outcome = {WriteOutcome.APPLIED};
    profiles.compute(
        key,
        (k, entry) -> {
          Entry live = entry == null || entry.expired(now()) ? null : entry;
          WriteOutcome refused = ProfileState.refusal(live == null ? null : live.state, update);
          if (refused != null) {
            outcome[0] = refused;
            return live;
          }
          Entry target = live == null ? new Entry() : live;
          target.state.apply(update, settings);
          target.expiresAt = now().plus(settings.ttl());
          return target;
        });
    return outcome[0];
  }

  @Override
  public Uni<Void> delete(ProfileKey key) {
    return Uni.createFrom()
        .item(
            () -> {
              profiles.remove(key);
              return null;
            });
  }

  @Override
  public Uni<Void> erase(ProfileKey key) {
    return Uni.createFrom()
        .item(
            () -> {
              // Tombstone first: a write racing the erasure either lands before the removal (and is
              // removed with it) or sees the tombstone.
              tombstones.put(key, now().plus(settings.ttl()));
              profiles.remove(key);
              customerTraits.remove(key);
              return null;
            });
  }

  @Override
  public Uni<Boolean> isErased(ProfileKey key) {
    return Uni.createFrom().item(() -> erased(key));
  }

  @Override
  public Uni<Map<String, Object>> customerTraits(String space, String customerId) {
    ProfileKey key = ProfileKey.customer(space, customerId);
    return Uni.createFrom()
        .item(
            () -> {
              TraitsEntry entry = customerTraits.get(key);
              return entry == null || entry.expiresAt.isBefore(now()) || erased(key)
                  ? Map.<String, Object>of()
                  : entry.traits;
            });
  }

  @Override
  public Uni<Integer> replaceCustomerTraits(String space, List<CustomerTraits> customers) {
    return offTheCaller(
        () -> {
          int written = 0;
          Instant expires = now().plus(settings.ttl());
          for (CustomerTraits c : customers) {
            ProfileKey key = ProfileKey.customer(space, c.customerId());
            if (!erased(key)) {
              customerTraits.put(key, new TraitsEntry(c.traits(), expires));
              written++;
            }
          }
          return written;
        });
  }

  @Override
  public String kind() {
    return "memory";
  }

  /** Removes expired profiles, traits and tombstones; run periodically. */
  public int sweep() {
    Instant now = now();
    int before = profiles.size() + customerTraits.size() + tombstones.size();
    profiles.values().removeIf(e -> e.expired(now));
    customerTraits.values().removeIf(e -> e.expiresAt.isBefore(now));
    tombstones.values().removeIf(until -> until.isBefore(now));
    return before - profiles.size() - customerTraits.size() - tombstones.size();
  }

  /** How many profiles are held, expired or not (for tests and metrics). */
  public int size() {
    return profiles.size();
  }

  private boolean erased(ProfileKey key) {
    Instant until = tombstones.get(key);
    return until != null && until.isAfter(now());
  }

  private Instant now() {
    return clock.instant();
  }

  private static final class Entry {
    final ProfileState state = new ProfileState();
    volatile Instant expiresAt;

    boolean expired(Instant now) {
      return !expiresAt.isAfter(now);
    }
  }

  private record TraitsEntry(Map<String, Object> traits, Instant expiresAt) {}
}
