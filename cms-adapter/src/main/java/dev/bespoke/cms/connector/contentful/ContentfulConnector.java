package dev.bespoke.cms.connector.contentful;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.cms.connector.CmsConnector;
import dev.bespoke.cms.connector.ConnectorSettings;
import dev.bespoke.cms.connector.EntryAction;
import dev.bespoke.cms.connector.EntryEvent;
import dev.bespoke.cms.connector.FieldMapping;
import dev.bespoke.cms.connector.MappedVariant;
import dev.bespoke.cms.connector.Payloads;
import dev.bespoke.cms.connector.VariantKeys;
import dev.bespoke.cms.connector.WebhookRequest;
import dev.bespoke.store.common.Keys;
import dev.bespoke.store.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Contentful webhooks ({@code POST /cms/contentful/{space}/webhook}). Topics {@code
 * ContentManagement.Entry.publish} (the whole entry, every locale), {@code .unpublish} and {@code
 * .delete} (tombstones: {@code DeletedEntry}, with or without content type and environment) and
 * {@code .archive}; saves, auto-saves and other entity types are acknowledged and ignored.
 */
@ApplicationScoped
public class ContentfulConnector implements CmsConnector {

  public static final String NAME = "contentful";
  static final String TOPIC = "x-contentful-topic";
  private static final String KEY_PREFIX = "cf";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings, Instant now) {
    ContentfulVerifier.verify(request, settings.secret(), settings.signatureTtl(), now);
  }

  @Override
  public List<EntryEvent> parse(WebhookRequest request, JsonNode body, ConnectorSettings settings) {
    String topic =
        request
            .header(TOPIC)
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "X-Contentful-Topic", "is required: it says what happened to the entry"));
    String[] parts = topic.split("\\.");
    if (parts.length != 3 || !"ContentManagement".equals(parts[0])) {
      throw ValidationException.of(
          "X-Contentful-Topic", "must look like ContentManagement.Entry.publish");
    }
    if (!"Entry".equals(parts[1])) {
      return List.of(EntryEvent.ignored(idOf(body), parts[1] + " events are not content"));
    }
    return List.of(event(body, parts[2], FieldMapping.read(settings.mapping())));
  }

  @Override
  public EntryEvent parseExported(JsonNode entry, ConnectorSettings settings) {
    String type = entry.at("/sys/type").asText();
    return event(entry, "DeletedEntry".equals(type) ? "delete" : "publish", read(settings));
  }

  @Override
  public void validateMapping(JsonNode mapping) {
    FieldMapping.read(mapping);
  }

  private static FieldMapping read(ConnectorSettings settings) {
    return FieldMapping.read(settings.mapping());
  }

  private EntryEvent event(JsonNode body, String action, FieldMapping mapping) {
    Payloads payload = new Payloads(body);
    String id = payload.text("/sys/id");
    payload.throwIfAny();
    switch (action) {
      case "publish":
        return publish(payload, id, mapping);
      case "unpublish":
        return retire(payload, id, EntryAction.UNPUBLISH);
      case "delete":
      case "archive":
        return retire(payload, id, EntryAction.DELETE);
      default:
        return EntryEvent.ignored(id, "topic Entry." + action + " does not change delivery");
    }
  }

  /** Tombstones old and new: only {@code sys.id} and the revision are needed. */
  private static EntryEvent retire(Payloads payload, String id, EntryAction action) {
    long revision = revision(payload);
    payload.throwIfAny();
    return EntryEvent.retire(id, revision, action);
  }

  private EntryEvent publish(Payloads payload, String id, FieldMapping mapping) {
    long revision = revision(payload);
    JsonNode fields = payload.object("/fields");
    payload.throwIfAny();
    String type = payload.optionalText("/sys/contentType/sys/id").orElse(null);
    List<String> names = new ArrayList<>();
    fields.fieldNames().forEachRemaining(names::add);
    Set<String> locales = localesOf(fields, payload, mapping);
    payload.throwIfAny();
    // One locale is the common case of an unlocalised space: its variant serves every visitor.
    boolean perLocale = locales.size() > 1;
    List<MappedVariant> variants = new ArrayList<>();
    for (String locale : locales) {
      Optional<MappedVariant> variant =
          mapping.map(
              payload,
              type,
              names,
              name -> valueOf(fields, name, locale, mapping.defaultLocale()),
              name -> "/fields/" + name + "/" + locale,
              VariantKeys.of(KEY_PREFIX, id, perLocale ? locale : null),
              "Contentful entry " + id + (perLocale ? " (" + locale + ")" : ""),
              perLocale ? List.of(locale) : List.of());
      variant.ifPresent(variants::add);
    }
    payload.throwIfAny();
    return new EntryEvent(id, revision, EntryAction.PUBLISH, variants, null);
  }

  private static Set<String> localesOf(JsonNode fields, Payloads payload, FieldMapping mapping) {
    Set<String> seen = new LinkedHashSet<>();
    for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode field = fields.get(name);
      if (!field.isObject()) {
        payload.error(
            "/fields/" + name, "must be an object of locale → value (fields.<name>.<locale>)");
        continue;
      }
      field.fieldNames().forEachRemaining(seen::add);
    }
    if (!mapping.locales().isEmpty()) {
      seen.retainAll(mapping.locales());
    }
    for (String locale : seen) {
      if (!Keys.LOCALE.matcher(locale).matches()) {
        payload.error("/fields", "locale " + locale + " " + Keys.LOCALE_RULE);
      }
    }
    if (seen.isEmpty()) {
      payload.error("/fields", "has no localised values to make a variant from");
    }
    return seen;
  }

  /** A field's value in a locale, falling back to the default locale for unlocalised fields. */
  private static JsonNode valueOf(JsonNode fields, String name, String locale, String fallback) {
    JsonNode field = fields.get(name);
    if (field == null || !field.isObject()) {
      return null;
    }
    JsonNode value = field.get(locale);
    return value != null ? value : field.get(fallback);
  }

  /**
   * Webhook entities carry {@code sys.revision} (the publish count); exports from the management
   * API may carry only {@code publishedVersion} or {@code version}.
   */
  private static long revision(Payloads payload) {
    for (String pointer : List.of("/sys/revision", "/sys/publishedVersion", "/sys/version")) {
      JsonNode node = payload.root().at(pointer);
      if (node.isIntegralNumber()) {
        return node.asLong();
      }
    }
    payload.error("/sys/revision", "is required: it orders the changes to an entry");
    return 0;
  }

  private static String idOf(JsonNode body) {
    JsonNode id = body.at("/sys/id");
    return id.isTextual() ? id.asText() : "";
  }
}
