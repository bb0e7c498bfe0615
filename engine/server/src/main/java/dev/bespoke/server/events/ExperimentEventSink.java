package dev.bespoke.server.events;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Receives impressions, clicks and conversions after ingestion, for experiment results. Called on
 * the ingestion path (possibly an I/O thread): an implementation must not block, and should buffer
 * its own counting. An exception it throws is logged and does not fail the request.
 */
public interface ExperimentEventSink {

  void accept(ExperimentEvent event);

  /**
   * One request's events, in their order (an impression before the conversion that follows it). The
   * ingestion answer waits for the returned {@code Uni}, so a client that sent an impression and
   * then a conversion in two requests finds both counted in order. The default hands each event to
   * {@link #accept}.
   */
  default Uni<Void> acceptAll(List<ExperimentEvent> events) {
    events.forEach(this::accept);
    return Uni.createFrom().voidItem();
  }
}
