package dev.bespoke.store.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One stored version of an entity: its public shape exactly as it was after the change. */
public record ContentVersion(
    String entityType,
    String entityKey,
    long version,
    JsonNode snapshot,
    Instant at,
    String actor) {}
