package dev.bespoke.server.delivery;

import dev.bespoke.server.context.Headers;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import dev.bespoke.store.deliverykey.DeliveryKeyDigests;
import dev.bespoke.store.deliverykey.DeliveryKeyService;
import dev.bespoke.store.publication.ContentChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Checks {@code X-Bespoke-Key} for spaces with {@code deliveryKeyRequired}. The active keys'
 * digests are held in memory, like the published snapshot, so delivery never waits on the database;
 * they are reloaded after a key changes on this node and on every snapshot poll for other nodes'
 * changes. If a reload fails the last known keys stay in force.
 */
@ApplicationScoped
public class DeliveryKeyGuard {

  public static final String HEADER = "X-Bespoke-Key";

  private static final Logger LOG = Logger.getLogger(DeliveryKeyGuard.class);

  private final DeliveryKeyService keys;
  private volatile Map<String, Set<String>> digests = Map.of();

  public DeliveryKeyGuard(DeliveryKeyService keys) {
    this.keys = keys;
  }

  /** Passes when the space needs no key or {@code key} is one of its active keys. */
  public void check(SpaceSnapshot space, String key) {
    if (!space.deliveryKeyRequired()) {
      return;
    }
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new DeliveryKeyRefusedException(
          "space " + space.space() + " requires a delivery key in " + HEADER);
    }
    if (!digests.getOrDefault(space.space(), Set.of()).contains(DeliveryKeyDigests.digest(key))) {
      throw new DeliveryKeyRefusedException(
          "the " + HEADER + " is not an active delivery key of space " + space.space());
    }
  }

  public void check(SpaceSnapshot space, Headers headers) {
    check(space, headers.first(HEADER));
  }

  void onStart(@Observes StartupEvent event) {
    reloadQuietly();
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
    QuarkusTransaction.requiringNew().run(this::reloadQuietly);
  }

  @Scheduled(
      every = "${bespoke.snapshot.poll-interval:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    reloadQuietly();
  }

  private void reloadQuietly() {
    try {
      Map<String, Set<String>> loaded = keys.activeDigests();
      Map<String, Set<String>> copy = new java.util.HashMap<>();
      loaded.forEach((space, set) -> copy.put(space, Set.copyOf(set)));
      digests = Map.copyOf(copy);
    } catch (RuntimeException e) {
      LOG.debugf("delivery keys not reloaded, the last known stay in force: %s", e.getMessage());
    }
  }
}
