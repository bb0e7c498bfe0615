package dev.bespoke.server.snapshot;

import dev.bespoke.server.metrics.NodeGauges;
import dev.bespoke.store.publication.ContentChanged;
import dev.bespoke.store.publication.PublishedContentReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps every space's snapshot in step with the content store: a full load at start, a rebuild when
 * told of a publish, and a cheap comparison of change markers on every poll so that a missed
 * notification heals by itself.
 */
@ApplicationScoped
public class SnapshotRefresher {

  private static final Logger LOG = Logger.getLogger(SnapshotRefresher.class);

  private final PublishedContentReader reader;
  private final SnapshotCompiler compiler;
  private final SnapshotRegistry registry;
  private final NodeGauges gauges;

  public SnapshotRefresher(
      PublishedContentReader reader,
      SnapshotCompiler compiler,
      SnapshotRegistry registry,
      NodeGauges gauges) {
    this.reader = reader;
    this.compiler = compiler;
    this.registry = registry;
    this.gauges = gauges;
  }

  void onStart(@Observes StartupEvent event) {
    try {
      refreshChanged();
    } catch (RuntimeException e) {
      // The database may be down at start; readiness stays false and the poll retries.
      LOG.warnf("initial snapshot load failed, retrying on the next poll: %s", e.getMessage());
    }
  }

  @Scheduled(
      every = "${bespoke.snapshot.poll-interval:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      delayed = "1s")
  void poll() {
    try {
      refreshChanged();
    } catch (RuntimeException e) {
      LOG.debugf("snapshot poll failed: %s", e.getMessage());
    }
  }

  /**
   * The node that made a change serves it at once: the rebuild runs right after the commit, in a
   * transaction of its own. Other nodes learn of it through the poll (and pub/sub where Redis is
   * configured).
   */
  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
    try {
      QuarkusTransaction.requiringNew().run(() -> rebuild(change.space()));
    } catch (RuntimeException e) {
      LOG.warnf(
          "rebuilding %s after a change failed; the poll retries: %s",
          change.space(), e.getMessage());
    }
  }

  /** Rebuilds every space whose change marker moved; marks the node loaded after a full pass. */
  public synchronized void refreshChanged() {
    Map<String, Long> generations = reader.generations();
    for (Map.Entry<String, Long> entry : generations.entrySet()) {
      if (entry.getValue() != registry.generation(entry.getKey())) {
        rebuild(entry.getKey());
      }
    }
    for (String known : registry.spaces()) {
      if (!generations.containsKey(known)) {
        registry.remove(known);
      }
    }
    registry.markLoaded();
  }

  /** Rebuilds one space now, for the node that made the change or was told of it. */
  public synchronized void rebuild(String space) {
    long started = System.nanoTime();
    reader
        .read(space)
        .ifPresentOrElse(
            content -> {
              registry.install(compiler.compile(content));
              Duration took = Duration.ofNanos(System.nanoTime() - started);
              gauges.rebuilt(space, took);
              LOG.debugf(
                  "snapshot of %s at generation %d built in %d ms",
                  space, content.generation(), took.toMillis());
            },
            () -> registry.remove(space));
  }
}
