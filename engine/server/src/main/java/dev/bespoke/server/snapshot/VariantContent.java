package dev.bespoke.server.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a visitor receives of a variant.
 *
 * @param html the variant's HTML after sanitising, or {@code null}
 */
public record VariantContent(String key, JsonNode fields, String html) {}
