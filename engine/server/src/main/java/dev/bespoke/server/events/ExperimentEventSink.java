package dev.bespoke.server.events;

/**
 * Receives impressions, clicks and conversions after ingestion, for experiment results. Called on
 * the ingestion path (possibly an I/O thread): an implementation must not block, and should buffer
 * its own counting. An exception it throws is logged and does not fail the request.
 */
public interface ExperimentEventSink {

  void accept(ExperimentEvent event);
}
