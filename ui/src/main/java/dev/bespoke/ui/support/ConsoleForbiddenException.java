package dev.bespoke.ui.support;

/** The signed-in user's role does not allow the action (403). */
public class ConsoleForbiddenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConsoleForbiddenException(String message) {
    super(message);
  }
}
