package dev.bespoke.ui.support;

/** A console form arrived without a valid CSRF token (403). */
public class CsrfRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CsrfRefusedException() {
    super(
        "This form is missing its security token or it has expired. Reload the page and try"
            + " again.");
  }
}
