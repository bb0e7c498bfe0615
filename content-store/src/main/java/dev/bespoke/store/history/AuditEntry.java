package dev.bespoke.store.history;

import java.time.Instant;

/**
 * One change: {@code entityKey} is the entity's key, or {@code slot/variant} for a variant; {@code
 * fromVersion} is null for a creation.
 */
public record AuditEntry(
    long id,
    String space,
    String entityType,
    String entityKey,
    String action,
    String actor,
    Instant at,
    Long fromVersion,
    Long toVersion,
    String detail) {}
