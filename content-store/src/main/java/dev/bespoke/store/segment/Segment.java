package dev.bespoke.store.segment;

import com.fasterxml.jackson.databind.JsonNode;

/** A segment as the admin API shows it; {@code rule} is a condition (see API.md, Conditions). */
public record Segment(
    String key, String name, String description, JsonNode rule, String status, Long version) {}
