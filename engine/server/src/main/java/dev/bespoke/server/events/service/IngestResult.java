package dev.bespoke.server.events.service;

/**
 * What became of a batch.
 *
 * @param accepted events accepted (all of the batch: a batch is taken whole or refused whole)
 */
public record IngestResult(int accepted, Stored stored) {

  /** What happened to the profile side of the batch. */
  public enum Stored {
    /** The profile store applied it before the answer. */
    WRITTEN,
    /** Waiting in the bounded buffer; written once the store answers again. */
    BUFFERED,
    /** Not kept with a profile: no verified visitor, or consent does not allow it. */
    NOT_STORED
  }
}
