package dev.bespoke.server.reach;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST …/segments/reach}.
 *
 * @param segments exactly two segment keys
 * @param rules unsaved rules by segment key, used instead of those segments' saved rules
 */
public record OverlapRequest(List<String> segments, Map<String, JsonNode> rules) {}
