package dev.bespoke.cms.connector.strapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.cms.connector.CmsConnector;
import dev.bespoke.cms.connector.ConnectorSettings;
import dev.bespoke.cms.connector.EntryAction;
import dev.bespoke.cms.connector.EntryEvent;
import dev.bespoke.cms.connector.FieldMapping;
import dev.bespoke.cms.connector.MappedVariant;
import dev.bespoke.cms.connector.Payloads;
import dev.bespoke.cms.connector.Signatures;
import dev.bespoke.cms.connector.VariantKeys;
import dev.bespoke.cms.connector.WebhookRequest;
import dev.bespoke.cms.connector.WebhookUnauthorizedException;
import dev.bespoke.store.common.Keys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strapi webhooks ({@code POST /cms/strapi/{space}/webhook}). Publish semantics follow the entry's
 * {@code publishedAt}: absent means draft-and-publish is off and every save is live; {@code null}
 * is a draft (ignored until {@code entry.publish}); a time is published content.
 */
@ApplicationScoped
public class StrapiConnector implements CmsConnector {

  public static final String NAME = "strapi";
  public static final String DEFAULT_TOKEN_HEADER = "Authorization";
  private static final String KEY_PREFIX = "st";

  /** Strapi's own bookkeeping attributes: never content. */
  private static final Set<String> SYSTEM =
      Set.of(
          "id",
          "documentId",
          "createdAt",
          "updatedAt",
          "publishedAt",
          "locale",
          "localizations",
          "createdBy",
          "updatedBy");

  /**
   * The admin users who edited the entry (with their emails, when Strapi populates them): never
   * read, even where a mapping names them, so no editor's personal data is stored.
   */
  private static final Set<String> EDITORS = Set.of("createdBy", "updatedBy");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings, Instant now) {
    String header = settings.tokenHeader() == null ? DEFAULT_TOKEN_HEADER : settings.tokenHeader();
    String given =
        request
            .header(header)
            .orElseThrow(() -> new WebhookUnauthorizedException("no " + header + " header"))
            .strip();
    // Both forms are compared, always: which one matched must not show in the timing either.
    boolean plain = Signatures.constantTimeEquals(given, settings.secret());
    boolean bearer = Signatures.constantTimeEquals(given, "Bearer " + settings.secret());
    if (!(plain | bearer)) {
      throw new WebhookUnauthorizedException("the " + header + " token is not the space's");
    }
  }

  @Override
  public List<EntryEvent> parse(WebhookRequest request, JsonNode body, ConnectorSettings settings) {
    Payloads payload = new Payloads(body);
    String event =
        payload.optionalText("/event").or(() -> request.header("X-Strapi-Event")).orElse(null);
    if (event == null) {
      payload.error("/event", "is required (or the X-Strapi-Event header)");
      payload.throwIfAny();
    }
    if (!event.startsWith("entry.")) {
      return List.of(EntryEvent.ignored("", event + " events are not entries"));
    }
    return List.of(event(payload, event, FieldMapping.read(settings.mapping())));
  }

  @Override
  public EntryEvent parseExported(JsonNode entry, ConnectorSettings settings) {
    return event(new Payloads(entry), "entry.update", FieldMapping.read(settings.mapping()));
  }

  @Override
  public void validateMapping(JsonNode mapping) {
    FieldMapping.read(mapping);
  }

  private EntryEvent event(Payloads payload, String event, FieldMapping mapping) {
    String model = payload.text("/model");
    JsonNode entry = payload.object("/entry");
    payload.throwIfAny();
    String id = idOf(entry, payload);
    String locale = payload.optionalText("/entry/locale").orElse(null);
    if (locale != null && !Keys.LOCALE.matcher(locale).matches()) {
      payload.error("/entry/locale", Keys.LOCALE_RULE);
    }
    long revision = revision(payload);
    payload.throwIfAny();
    // Strapi 5 shares one documentId across the locales of a document: each is its own entry.
    String entryId = model + ":" + id + (locale == null ? "" : ":" + locale);
    switch (event) {
      case "entry.publish":
        return publish(payload, entryId, model, entry, locale, revision, mapping);
      case "entry.create":
      case "entry.update":
        if (entry.has("publishedAt") && entry.get("publishedAt").isNull()) {
          return EntryEvent.ignored(entryId, "a draft was saved; it goes live on entry.publish");
        }
        return publish(payload, entryId, model, entry, locale, revision, mapping);
      case "entry.unpublish":
        return EntryEvent.retire(entryId, revision, EntryAction.UNPUBLISH);
      case "entry.delete":
        return EntryEvent.retire(entryId, revision, EntryAction.DELETE);
      case "entry.draft-discard":
        return EntryEvent.ignored(entryId, "a discarded draft leaves the published entry as it is");
      default:
        return EntryEvent.ignored(entryId, event + " does not change delivery");
    }
  }

  private EntryEvent publish(
      Payloads payload,
      String entryId,
      String model,
      JsonNode entry,
      String locale,
      long revision,
      FieldMapping mapping) {
    List<String> names = new ArrayList<>();
    entry.fieldNames().forEachRemaining(n -> names.add(n));
    names.removeAll(SYSTEM);
    Optional<MappedVariant> variant =
        mapping.map(
            payload,
            model,
            names,
            name -> EDITORS.contains(name) ? null : entry.get(name),
            name -> "/entry/" + name,
            VariantKeys.of(KEY_PREFIX, entryId, locale),
            "Strapi " + model + " " + entryId,
            locale == null ? List.of() : List.of(locale));
    payload.throwIfAny();
    return new EntryEvent(entryId, revision, EntryAction.PUBLISH, List.of(variant.get()), null);
  }

  /**
   * Strapi 5's documentId is stable across versions; Strapi 4 has only the numeric id. Strapi
   * always sends {@code id} as a number: any other type means the body was not written by Strapi.
   */
  private static String idOf(JsonNode entry, Payloads payload) {
    JsonNode id = entry.get("id");
    if (id != null && !id.isNull() && !id.isIntegralNumber()) {
      payload.error("/entry/id", "must be Strapi's numeric id, not " + id.getNodeType());
      return null;
    }
    JsonNode documentId = entry.get("documentId");
    if (documentId != null && documentId.isTextual() && !documentId.asText().isBlank()) {
      return documentId.asText();
    }
    if (id != null && id.isIntegralNumber()) {
      return id.asText();
    }
    payload.error("/entry/id", "is required (or /entry/documentId)");
    return null;
  }

  /**
   * Strapi sends no revision; the time of the event orders them ({@code createdAt} of the
   * envelope), else the entry's {@code updatedAt}. Equal times are ordered by action (a delete sent
   * in the same millisecond as a publish wins).
   */
  private static long revision(Payloads payload) {
    for (String pointer : List.of("/createdAt", "/entry/updatedAt")) {
      Optional<String> text = payload.optionalText(pointer);
      if (text.isPresent()) {
        try {
          return Instant.parse(text.get()).toEpochMilli();
        } catch (DateTimeParseException e) {
          payload.error(pointer, "must be an ISO-8601 instant");
          return 0;
        }
      }
    }
    payload.error("/createdAt", "is required (or /entry/updatedAt): it orders the events");
    return 0;
  }
}
