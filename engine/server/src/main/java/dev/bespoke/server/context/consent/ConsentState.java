package dev.bespoke.server.context.consent;

import java.util.Optional;

/**
 * One consent answer. {@code UNKNOWN} means the visitor was not asked or the answer was unreadable.
 */
public enum ConsentState {
  GRANTED,
  DENIED,
  UNKNOWN;

  public static ConsentState of(Boolean value) {
    return value == null ? UNKNOWN : value ? GRANTED : DENIED;
  }

  /** {@code true}/{@code false}, or empty when unknown. */
  public Optional<Boolean> asBoolean() {
    return this == UNKNOWN ? Optional.empty() : Optional.of(this == GRANTED);
  }
}
