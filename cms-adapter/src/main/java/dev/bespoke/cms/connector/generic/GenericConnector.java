package dev.bespoke.cms.connector.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bespoke.cms.connector.CmsConnector;
import dev.bespoke.cms.connector.ConnectorSettings;
import dev.bespoke.cms.connector.EntryAction;
import dev.bespoke.cms.connector.EntryEvent;
import dev.bespoke.cms.connector.MappedVariant;
import dev.bespoke.cms.connector.Payloads;
import dev.bespoke.cms.connector.VariantKeys;
import dev.bespoke.cms.connector.WebhookRequest;
import dev.bespoke.store.common.Keys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Any CMS that can send JSON and sign it ({@code POST /cms/generic/{space}/webhook}). */
@ApplicationScoped
public class GenericConnector implements CmsConnector {

  public static final String NAME = "generic";
  private static final String KEY_PREFIX = "gx";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings, Instant now) {
    String header =
        settings.tokenHeader() == null ? GenericSignature.DEFAULT_HEADER : settings.tokenHeader();
    GenericSignature.verify(request, header, settings.secret(), settings.signatureTtl(), now);
  }

  @Override
  public List<EntryEvent> parse(WebhookRequest request, JsonNode body, ConnectorSettings settings) {
    return List.of(parseExported(body, settings));
  }

  @Override
  public EntryEvent parseExported(JsonNode body, ConnectorSettings settings) {
    PointerMapping map = PointerMapping.read(settings.mapping());
    Payloads payload = new Payloads(body);
    JsonNode idNode = body.at(map.id());
    String id = idNode.isTextual() || idNode.isIntegralNumber() ? idNode.asText() : null;
    if (id == null || id.isBlank()) {
      payload.error(map.id(), "is required: the entry's id in the CMS");
    }
    long revision = revision(payload, body.at(map.revision()), map.revision());
    EntryAction action = action(payload, body.at(map.action()), map);
    payload.throwIfAny();
    if (action != EntryAction.PUBLISH) {
      return EntryEvent.retire(id, revision, action);
    }
    String locale = text(body.at(map.locale()));
    if (locale != null && !Keys.LOCALE.matcher(locale).matches()) {
      payload.error(map.locale(), Keys.LOCALE_RULE);
    }
    String slot = text(body.at(map.slot()));
    if (slot == null || !Keys.isValid(slot)) {
      payload.error(map.slot(), slot == null ? "is required: the slot key" : "slot " + Keys.RULE);
    }
    String key =
        map.key() == null ? VariantKeys.of(KEY_PREFIX, id, locale) : text(body.at(map.key()));
    if (key == null || !Keys.isValid(key)) {
      payload.error(map.key() == null ? map.id() : map.key(), "variant key " + Keys.RULE);
    }
    JsonNode fieldsNode = body.at(map.fields());
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    if (fieldsNode.isObject()) {
      fields.setAll((ObjectNode) fieldsNode);
    } else if (!fieldsNode.isMissingNode() && !fieldsNode.isNull()) {
      payload.error(map.fields(), "must be an object");
    }
    Integer priority = null;
    JsonNode p = body.at(map.priority());
    if (p.isIntegralNumber() && p.canConvertToInt()) {
      priority = p.asInt();
    } else if (!p.isMissingNode() && !p.isNull()) {
      payload.error(map.priority(), "must be a whole number");
    }
    payload.throwIfAny();
    String name = text(body.at(map.name()));
    return new EntryEvent(
        id,
        revision,
        EntryAction.PUBLISH,
        List.of(
            new MappedVariant(
                slot,
                key,
                name == null
                    ? "CMS entry " + id
                    : name.length() > 200 ? name.substring(0, 200) : name,
                fields,
                text(body.at(map.html())),
                list(body.at(map.segments())),
                list(body.at(map.channels())),
                locale == null ? List.of() : List.of(locale),
                priority)),
        null);
  }

  @Override
  public void validateMapping(JsonNode mapping) {
    PointerMapping.read(mapping);
  }

  private static EntryAction action(Payloads payload, JsonNode node, PointerMapping map) {
    if (node.isMissingNode() || node.isNull()) {
      return EntryAction.PUBLISH;
    }
    String value = node.asText();
    if (map.publishValues().contains(value)) {
      return EntryAction.PUBLISH;
    }
    if (map.unpublishValues().contains(value)) {
      return EntryAction.UNPUBLISH;
    }
    if (map.deleteValues().contains(value)) {
      return EntryAction.DELETE;
    }
    payload.error(map.action(), "\"" + value + "\" is none of the mapped publish/unpublish/delete");
    return EntryAction.IGNORE;
  }

  /** A number, or an ISO-8601 instant (taken in milliseconds). */
  private static long revision(Payloads payload, JsonNode node, String pointer) {
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      try {
        return Instant.parse(node.asText()).toEpochMilli();
      } catch (DateTimeParseException e) {
        payload.error(pointer, "must be a whole number or an ISO-8601 instant");
        return 0;
      }
    }
    payload.error(pointer, "is required: a number or time that orders the entry's changes");
    return 0;
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
  }

  private static List<String> list(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText().strip()));
    } else {
      for (String part : node.asText().split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }
}
