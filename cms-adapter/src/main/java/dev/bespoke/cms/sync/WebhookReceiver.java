package dev.bespoke.cms.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.cms.connector.CmsConnector;
import dev.bespoke.cms.connector.Connectors;
import dev.bespoke.cms.connector.EntryEvent;
import dev.bespoke.cms.connector.WebhookRequest;
import dev.bespoke.cms.settings.ActiveConnector;
import dev.bespoke.cms.settings.CmsConnectorService;
import dev.bespoke.store.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook pipeline: find the space's connector, verify the request on its exact bytes, parse
 * it, apply each event. Verification comes before parsing, so an unauthenticated body is never
 * interpreted.
 */
@ApplicationScoped
public class WebhookReceiver {

  private final Connectors connectors;
  private final CmsConnectorService settings;
  private final EntrySync sync;
  private final Clock clock;

  public WebhookReceiver(
      Connectors connectors, CmsConnectorService settings, EntrySync sync, Clock clock) {
    this.connectors = connectors;
    this.settings = settings;
    this.sync = sync;
    this.clock = clock;
  }

  public SyncReport receive(String connectorName, String space, WebhookRequest request) {
    CmsConnector connector = connectors.require(connectorName);
    ActiveConnector active =
        settings
            .active(space, connectorName)
            .filter(ActiveConnector::enabled)
            .orElseThrow(() -> new NotFoundException("CMS connector", space + "/" + connectorName));
    connector.verify(request, active.settings(), clock.instant());
    JsonNode body = CmsJson.parse(request.body(), "body");
    List<EntryOutcome> results = new ArrayList<>();
    for (EntryEvent event : connector.parse(request, body, active.settings())) {
      results.add(sync.apply(space, connectorName, active.publishAs(), event));
    }
    return SyncReport.of(results, List.of());
  }
}
