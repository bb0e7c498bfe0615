package dev.bespoke.store.common;

/** The caller edited an older version than the one stored (409): reload, merge, retry. */
public class StaleVersionException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String entityType;
  private final String key;
  private final long expected;
  private final long actual;

  public StaleVersionException(String entityType, String key, long expected, long actual) {
    super(
        entityType
            + " "
            + key
            + " is at version "
            + actual
            + ", not "
            + expected
            + "; reload it and apply your change again");
    this.entityType = entityType;
    this.key = key;
    this.expected = expected;
    this.actual = actual;
  }

  public String entityType() {
    return entityType;
  }

  public String key() {
    return key;
  }

  /** The version the caller sent. */
  public long expected() {
    return expected;
  }

  /** The version stored. */
  public long actual() {
    return actual;
  }
}
