package dev.bespoke.server.profile;

/** What a store did with a write. */
public enum WriteOutcome {
  APPLIED,
  /** The same update id was applied before (a retry after a lost answer): nothing changed. */
  DUPLICATE,
  /** The profile was erased and its tombstone stands: nothing is written. */
  ERASED,
  /** The stored consent does not allow the write ({@link ConsentGate}): nothing is written. */
  NO_CONSENT
}
