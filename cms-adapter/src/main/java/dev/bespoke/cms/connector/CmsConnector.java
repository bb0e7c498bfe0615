package dev.bespoke.cms.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.ValidationException;
import java.time.Instant;
import java.util.List;

/**
 * One external CMS. Implementations are stateless CDI beans, found by {@link #name()}; the order of
 * calls for a webhook is {@link #verify}, then {@link #parse} on the verified bytes.
 */
public interface CmsConnector {

  /** The path segment and settings key: {@code contentful}, {@code strapi}, {@code generic}. */
  String name();

  /**
   * Checks that the request comes from the CMS the space trusts, before its body is parsed.
   *
   * @throws WebhookUnauthorizedException naming what failed (never the expected value)
   */
  void verify(WebhookRequest request, ConnectorSettings settings, Instant now);

  /**
   * The entry events in a verified body (usually one). An event the connector does not handle
   * (Contentful's {@code auto_save}) comes back with {@link EntryAction#IGNORE}.
   *
   * @throws ValidationException naming each missing or malformed part of the body
   */
  List<EntryEvent> parse(WebhookRequest request, JsonNode body, ConnectorSettings settings);

  /**
   * One line of a bulk export: an entry as the CMS exports it, taken as published content (or as
   * deleted, where the line says so).
   */
  EntryEvent parseExported(JsonNode entry, ConnectorSettings settings);

  /**
   * Checks a mapping an admin wants to store, so mistakes surface when it is saved rather than on
   * the next webhook.
   */
  void validateMapping(JsonNode mapping);
}
