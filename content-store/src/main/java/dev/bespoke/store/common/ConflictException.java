package dev.bespoke.store.common;

/**
 * The request is well-formed but clashes with the stored state (409): a workflow step that the
 * current status does not allow, a key that is taken, a second published default.
 */
public class ConflictException extends StoreException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
