package dev.bespoke.cms.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A variant as a CMS entry describes it, before the store checks it against its slot. Null lists
 * and priority mean "not given": the store's defaults apply.
 */
public record MappedVariant(
    String slot,
    String key,
    String name,
    ObjectNode fields,
    String html,
    List<String> segments,
    List<String> channels,
    List<String> locales,
    Integer priority) {}
