package dev.bespoke.server.delivery;

/** A space that requires a delivery key got a request without a valid one: 401. */
public class DeliveryKeyRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DeliveryKeyRefusedException(String message) {
    super(message, null, false, false);
  }
}
