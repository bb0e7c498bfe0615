package dev.bespoke.server.snapshot;

import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.store.publication.ContentChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells the other nodes of a change through Redis pub/sub, where profiles live in Redis (several
 * nodes); the embedded single node has nobody to tell. A lost message costs at most one poll
 * interval: {@link SnapshotRefresher} compares change markers on every poll.
 *
 * <p>A subscription can end without an error when Redis restarts (the connection closes and the
 * stream simply stops). So each node sends itself a heartbeat on the channel every {@code
 * bespoke.snapshot.channel-heartbeat} and subscribes again when it has not heard its own for three
 * heartbeats; {@link #listening()} (the gauge {@code bespoke_snapshot_channel_up}) says whether it
 * hears the channel now.
 */
@ApplicationScoped
public class SnapshotBroadcast {

  /** The channel; messages are space keys. */
  public static final String CHANNEL = "bespoke:snapshot";

  private static final Logger LOG = Logger.getLogger(SnapshotBroadcast.class);

  private static final String HEARTBEAT_PREFIX = "heartbeat:";

  private final boolean enabled;
  private final Instance<ReactiveRedisDataSource> redis;
  private final SnapshotRefresher refresher;
  private final Clock clock;
  private final Duration silenceLimit;
  private final String heartbeat = HEARTBEAT_PREFIX + UUID.randomUUID();
  private ReactivePubSubCommands<String> pubsub;
  private Cancellable subscription;
  private volatile Instant subscribedAt = Instant.EPOCH;
  private volatile Instant lastHeartbeat = Instant.EPOCH;

  public SnapshotBroadcast(
      ProfileConfig profiles,
      Instance<ReactiveRedisDataSource> redis,
      SnapshotRefresher refresher,
      SnapshotConfig config,
      Clock clock) {
    this.enabled = profiles.store() == ProfileConfig.StoreKind.REDIS;
    this.redis = redis;
    this.refresher = refresher;
    this.clock = clock;
    this.silenceLimit = config.channelHeartbeat().multipliedBy(3);
  }

  void onStart(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    pubsub = redis.get().pubsub(String.class);
    subscribe();
  }

  /** Whether this node heard its own heartbeat on the channel recently (always false unshared). */
  public boolean listening() {
    return enabled && lastHeartbeat.isAfter(clock.instant().minus(silenceLimit));
  }

  @Scheduled(
      every = "${bespoke.snapshot.channel-heartbeat:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void heartbeat() {
    if (pubsub == null) {
      return;
    }
    Instant now = clock.instant();
    if (!listening() && subscribedAt.isBefore(now.minus(silenceLimit))) {
      LOG.infof("snapshot channel silent for %s; subscribing again", silenceLimit);
      subscribe();
    }
    pubsub
        .publish(CHANNEL, heartbeat)
        .subscribe()
        .with(n -> {}, e -> LOG.debugf("snapshot heartbeat not sent: %s", e.getMessage()));
  }

  private synchronized void subscribe() {
    if (subscription != null) {
      subscription.cancel();
    }
    subscribedAt = clock.instant();
    subscription =
        pubsub
            .subscribe(CHANNEL)
            // The stream may end without an error when the connection closes: treat it as one.
            .onCompletion()
            .failWith(() -> new IllegalStateException("the subscription ended"))
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
    pubsub
        .publish(CHANNEL, change.space())
        .subscribe()
        .with(n -> {}, e -> LOG.debugf("snapshot message not sent, the poll heals: %s", e));
  }

  private void rebuild(String space) {
    if (heartbeat.equals(space)) {
      lastHeartbeat = clock.instant();
      return;
    }
    // Every node, this one included, hears each message; a space key is all a message may carry
    // (other nodes' heartbeats fail this check too).
    if (space == null || !space.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      return;
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> refresher.rebuild(space));
    } catch (RuntimeException e) {
      LOG.warnf("rebuilding %s on a snapshot message failed; the poll retries: %s", space, e);
    }
  }
}
