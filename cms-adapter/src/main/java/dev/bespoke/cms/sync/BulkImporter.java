package dev.bespoke.cms.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.cms.connector.CmsConnector;
import dev.bespoke.cms.connector.Connectors;
import dev.bespoke.cms.connector.EntryEvent;
import dev.bespoke.cms.connector.PayloadTooLargeException;
import dev.bespoke.cms.settings.ActiveConnector;
import dev.bespoke.cms.settings.CmsConnectorService;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.common.StoreException;
import dev.bespoke.store.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports an NDJSON export of entries (one entry a line, in the connector's shape) through the same
 * idempotent path as webhooks. Each line is its own transaction: a bad line is reported and the
 * others still apply, and re-running an import changes nothing that is already in.
 */
@ApplicationScoped
public class BulkImporter {

  /** An export of this many lines is better split: one request should not hold a worker longer. */
  public static final int MAX_LINES = 50_000;

  /** One entry as exported; webhooks allow 1 MiB for the whole envelope too. */
  private static final int MAX_LINE_CHARS = 1024 * 1024;

  private final Connectors connectors;
  private final CmsConnectorService settings;
  private final EntrySync sync;

  public BulkImporter(Connectors connectors, CmsConnectorService settings, EntrySync sync) {
    this.connectors = connectors;
    this.settings = settings;
    this.sync = sync;
  }

  public SyncReport importNdjson(String space, String connectorName, InputStream in, String admin) {
    CmsConnector connector = connectors.require(connectorName);
    ActiveConnector active =
        settings
            .active(space, connectorName)
            .orElseThrow(() -> new NotFoundException("CMS connector", space + "/" + connectorName));
    String actor = EntrySync.actor(connectorName) + " (import by " + admin + ")";
    List<EntryOutcome> results = new ArrayList<>();
    List<SyncReport.LineError> errors = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number > MAX_LINES) {
          throw ValidationException.of(
              "body", "has more than " + MAX_LINES + " lines; split the export");
        }
        if (line.length() > MAX_LINE_CHARS) {
          throw new PayloadTooLargeException(MAX_LINE_CHARS);
        }
        if (line.isBlank()) {
          continue;
        }
        String entryId = null;
        try {
          JsonNode entry = CmsJson.parse(line.getBytes(StandardCharsets.UTF_8), "line");
          EntryEvent event = connector.parseExported(entry, active.settings());
          entryId = event.entryId();
          results.add(sync.apply(space, connectorName, active.publishAs(), event, actor));
        } catch (StoreException e) {
          errors.add(new SyncReport.LineError(number, entryId, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SyncReport.of(results, errors);
  }
}
