package dev.bespoke.cms.client;

/**
 * What the visitor agreed to in the site's consent tool. Without personalisation consent on a space
 * that requires it, Bespoke stores nothing and sets no cookie.
 */
public record Consent(boolean personalization, boolean analytics) {

  public static final Consent ALL = new Consent(true, true);
  public static final Consent NONE = new Consent(false, false);

  /** The {@code bespoke_consent} cookie value that states this consent (for GET requests). */
  String cookieValue() {
    return "p:" + (personalization ? 1 : 0) + ",a:" + (analytics ? 1 : 0);
  }
}
