package dev.bespoke.cms.connector;

/** A body over the limit, refused before any of it is parsed (413). */
public class PayloadTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super("the body exceeds the limit of " + limit + " bytes");
  }
}
