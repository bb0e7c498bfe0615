package dev.bespoke.server.reach;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The optional body of {@code POST …/segments/{key}/reach}.
 *
 * @param rule a rule not saved yet (the segment builder's): reach of this rule instead of the
 *     segment's saved one; the segment then need not exist yet
 */
public record ReachRequest(JsonNode rule) {}
