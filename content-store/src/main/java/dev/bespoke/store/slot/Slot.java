package dev.bespoke.store.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A slot as the admin API shows it. {@code fieldsSchema} is an optional JSON Schema for the
 * variants' fields (a property with a URL format is a link: see {@link LinkFields}), {@code
 * template} an optional Qute template; {@code strategy} is first-match, weighted or bandit. On
 * input absent optional fields take their defaults and {@code status} is read-only.
 */
public record Slot(
    String key,
    String name,
    String description,
    List<String> channels,
    JsonNode fieldsSchema,
    String template,
    String strategy,
    Boolean cacheable,
    String status,
    Long version) {}
