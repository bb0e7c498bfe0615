package dev.bespoke.cms.connector;

/**
 * What an event does to an entry's variants. The order is the tie-break between events of the same
 * revision: an unpublish or delete sent for the revision that was published happened after that
 * publish, so it must win over a replay of the publish.
 */
public enum EntryAction {
  PUBLISH,
  UNPUBLISH,
  DELETE,
  /** Nothing to do (a draft save, an event type Bespoke does not act on). */
  IGNORE;

  public int rank() {
    return ordinal();
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
