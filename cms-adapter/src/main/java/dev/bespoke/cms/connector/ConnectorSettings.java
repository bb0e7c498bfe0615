package dev.bespoke.cms.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A space's settings for one connector, as connectors see them.
 *
 * @param secret the signing secret (Contentful, generic) or the expected token (Strapi)
 * @param tokenHeader the header that carries Strapi's token
 * @param signatureTtl how old a signed timestamp may be
 * @param mapping the connector's field mapping (its own JSON shape, checked on save)
 */
public record ConnectorSettings(
    String space,
    String connector,
    String secret,
    String tokenHeader,
    Duration signatureTtl,
    JsonNode mapping) {}
