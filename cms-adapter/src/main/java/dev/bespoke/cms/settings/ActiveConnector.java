package dev.bespoke.cms.settings;

import dev.bespoke.cms.connector.ConnectorSettings;

/** What a webhook needs to know about its space's connector. */
public record ActiveConnector(ConnectorSettings settings, boolean enabled, PublishAs publishAs) {}
