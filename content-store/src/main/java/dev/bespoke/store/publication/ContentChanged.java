package dev.bespoke.store.publication;

/**
 * Fired inside the transaction of every recorded change. Observers that act on committed content
 * observe it {@code during = TransactionPhase.AFTER_SUCCESS}, so a rolled-back change never
 * triggers anything.
 */
public record ContentChanged(String space) {}
