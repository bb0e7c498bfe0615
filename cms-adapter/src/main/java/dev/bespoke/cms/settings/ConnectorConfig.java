package dev.bespoke.cms.settings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A connector's settings as the admin API takes them ({@code PUT
 * /api/v1/admin/spaces/{space}/cms/{connector}}).
 *
 * @param secret Contentful's signing secret, the generic connector's HMAC key, or Strapi's token;
 *     required when the connector is first configured, kept when omitted later; never shown again
 * @param tokenHeader Strapi: the header carrying the token (default {@code Authorization});
 *     generic: the signature header (default {@code X-Bespoke-Signature})
 * @param publishAs {@code in_review} (default) or {@code published}
 * @param signatureTtlSeconds how old a signed timestamp may be (default 30, Contentful's)
 * @param mapping the connector's field mapping (see docs/cms-integration.md)
 * @param version required on update, as everywhere in the admin API
 */
public record ConnectorConfig(
    Boolean enabled,
    String secret,
    String tokenHeader,
    String publishAs,
    Integer signatureTtlSeconds,
    JsonNode mapping,
    Long version) {}
