package dev.bespoke.store.history;

/**
 * What one change did, for the audit trail. {@code fromVersion} is null when the entity was
 * created; {@code detail} is a short free text (the version rolled back to, for example).
 */
public record Change(
    String space,
    String entityType,
    String entityKey,
    String action,
    String actor,
    Long fromVersion,
    long toVersion,
    String detail) {}
