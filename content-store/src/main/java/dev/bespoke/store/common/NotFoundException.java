package dev.bespoke.store.common;

/** The named entity does not exist (404). Archived entities still exist. */
public class NotFoundException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String entityType;
  private final String key;

  public NotFoundException(String entityType, String key) {
    super(entityType + " " + key + " does not exist");
    this.entityType = entityType;
    this.key = key;
  }

  public String entityType() {
    return entityType;
  }

  public String key() {
    return key;
  }
}
