package dev.bespoke.server.context.visitor;

/**
 * Supplies the signing key when {@code bespoke.cookie.secret} is not configured. The key must be
 * the same on every node and survive restarts, or every visitor id issued before becomes invalid
 * and all visitors start over.
 */
public interface CookieSecretSource {

  /**
   * The key, at least 32 bytes; created on first use. Throws when it can neither read nor make one.
   */
  byte[] secret();
}
