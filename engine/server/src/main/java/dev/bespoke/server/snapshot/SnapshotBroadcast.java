package dev.bespoke.server.snapshot;

import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.store.publication.ContentChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jboss.logging.Logger;

/**
 * Tells the other nodes of a change through Redis pub/sub, where profiles live in Redis (several
 * nodes); the embedded single node has nobody to tell. A lost message costs at most one poll
 * interval: {@link SnapshotRefresher} compares change markers on every poll.
 */
@ApplicationScoped
public class SnapshotBroadcast {

  /** The channel; messages are space keys. */
  public static final String CHANNEL = "bespoke:snapshot";

  private static final Logger LOG = Logger.getLogger(SnapshotBroadcast.class);

  /** How long a sent message is expected back; one not heard by then was lost. */
  static final Duration ECHO_WINDOW = Duration.ofSeconds(5);

  private final boolean enabled;
  private final Instance<ReactiveRedisDataSource> redis;
  private final SnapshotRefresher refresher;
  private ReactivePubSubCommands<String> pubsub;
  private Cancellable subscription;

  /**
   * When this node sent each message it has not yet heard back, per space. Every subscriber hears
   * every message, the sender included, and the sender rebuilt right after its commit: rebuilding
   * again on its own message made a publish cost two full rebuilds (1 s each for 10,000 variants
   * under load). One own message heard skips one rebuild; as every rebuild reads the latest
   * content, which message is skipped does not matter.
   */
  private final Map<String, Deque<Long>> unheard = new ConcurrentHashMap<>();

  public SnapshotBroadcast(
      ProfileConfig profiles,
      Instance<ReactiveRedisDataSource> redis,
      SnapshotRefresher refresher) {
    this.enabled = profiles.store() == ProfileConfig.StoreKind.REDIS;
    this.redis = redis;
    this.refresher = refresher;
  }

  void onStart(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    pubsub = redis.get().pubsub(String.class);
    subscription =
        pubsub
            .subscribe(CHANNEL)
            .onFailure()
            .invoke(e -> LOG.debugf("snapshot channel lost, resubscribing: %s", e.getMessage()))
            .onFailure()
            .retry()
            .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
            .indefinitely()
            .emitOn(Infrastructure.getDefaultWorkerPool())
            .subscribe()
            .with(this::rebuild, e -> LOG.warnf("snapshot channel closed: %s", e.getMessage()));
  }

  void onStop(@Observes ShutdownEvent event) {
    if (subscription != null) {
      subscription.cancel();
    }
  }

  /** After this node committed a change (its own rebuild has run), tell the others. */
  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
    if (pubsub == null) {
      return;
    }
    Deque<Long> sent = unheard.computeIfAbsent(change.space(), k -> new ConcurrentLinkedDeque<>());
    Long at = System.nanoTime();
    sent.add(at);
    pubsub
        .publish(CHANNEL, change.space())
        .subscribe()
        .with(
            n -> {},
            e -> {
              sent.removeFirstOccurrence(at);
              LOG.debugf("snapshot message not sent, the poll heals: %s", e);
            });
  }

  /** Whether {@code space}'s message is one this node sent and already rebuilt for. */
  boolean ownEcho(String space) {
    Deque<Long> sent = unheard.get(space);
    if (sent == null) {
      return false;
    }
    long now = System.nanoTime();
    Long oldest;
    while ((oldest = sent.peekFirst()) != null && now - oldest > ECHO_WINDOW.toNanos()) {
      sent.remove(oldest);
    }
    return sent.pollFirst() != null;
  }

  private void rebuild(String space) {
    // Every node, this one included, hears each message; a space key is all a message may carry.
    if (space == null || !space.matches("[a-z0-9][a-z0-9-]{0,63}") || ownEcho(space)) {
      return;
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> refresher.rebuild(space));
    } catch (RuntimeException e) {
      LOG.warnf("rebuilding %s on a snapshot message failed; the poll retries: %s", space, e);
    }
  }
}
