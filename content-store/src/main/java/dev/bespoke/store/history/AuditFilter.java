package dev.bespoke.store.history;

import java.util.Optional;

/** Narrows the audit trail of a space; an empty field does not filter. */
public record AuditFilter(
    Optional<String> entityType, Optional<String> entityKey, Optional<String> actor) {

  public static AuditFilter none() {
    return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
