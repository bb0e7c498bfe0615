package dev.bespoke.cms.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A connector's settings as the admin API shows them: the secret is never returned, only whether
 * one is set.
 *
 * @param webhookPath where the CMS sends its webhooks
 */
public record ConnectorView(
    String connector,
    String space,
    boolean enabled,
    boolean secretSet,
    String tokenHeader,
    String publishAs,
    int signatureTtlSeconds,
    JsonNode mapping,
    String webhookPath,
    Long version,
    Instant updatedAt,
    String updatedBy) {}
