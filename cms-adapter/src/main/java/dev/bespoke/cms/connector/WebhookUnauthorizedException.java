package dev.bespoke.cms.connector;

/**
 * The request is not proven to come from the space's CMS (401). The message says which check failed
 * so an integrator can fix their setup; it never contains a secret or an expected value.
 */
public class WebhookUnauthorizedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WebhookUnauthorizedException(String message) {
    super(message);
  }
}
