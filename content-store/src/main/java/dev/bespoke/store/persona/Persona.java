package dev.bespoke.store.persona;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A persona as the admin API shows it. {@code context} is a visitor context as JSON (attributes
 * such as {@code geo.country}); {@code status} is active or archived, and read-only.
 */
public record Persona(
    String key, String name, String description, JsonNode context, String status, Long version) {}
