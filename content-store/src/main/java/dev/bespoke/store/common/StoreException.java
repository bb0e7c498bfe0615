package dev.bespoke.store.common;

/** Base of the store's domain exceptions; each maps to one HTTP status in the server. */
public abstract class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected StoreException(String message) {
    super(message);
  }
}
