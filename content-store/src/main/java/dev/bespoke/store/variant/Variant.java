package dev.bespoke.store.variant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A variant as the admin API shows it. {@code slot} is the slot it belongs to (read-only: the path
 * names it). Empty {@code channels} or {@code locales} mean all; {@code segmentMatch} says whether
 * any or all of {@code segments} must match. On input absent optional fields take their defaults
 * and {@code status} is read-only.
 */
public record Variant(
    String key,
    String slot,
    String name,
    JsonNode fields,
    String html,
    List<String> segments,
    String segmentMatch,
    List<String> channels,
    List<String> locales,
    Integer priority,
    Integer weight,
    Instant validFrom,
    Instant validUntil,
    // Named explicitly: Jackson would otherwise call a Boolean accessor isDefault() "default".
    @JsonProperty("isDefault") Boolean isDefault,
    String suppressAfterConversion,
    String status,
    Long version) {}
