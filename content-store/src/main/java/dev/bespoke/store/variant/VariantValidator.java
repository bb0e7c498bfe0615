package dev.bespoke.store.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bespoke.store.common.FieldErrors;
import dev.bespoke.store.common.Keys;
import dev.bespoke.store.slot.LinkFields;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Checks a variant from a request against its slot and space, and fills in defaults. */
final class VariantValidator {

  static final Set<String> SEGMENT_MATCHES = Set.of("any", "all");

  static final int MAX_CONTENT = 65_536;

  /** Priorities order variants; a range this wide leaves room between any two. */
  static final int MAX_PRIORITY = 1_000_000;

  static final int MAX_WEIGHT = 1_000_000;

  static final int MAX_TAGS = 50;

  private VariantValidator() {}

  /**
   * @param slotChannels the channels the slot serves: a variant may narrow them, not widen them
   * @param slotSchema the slot's field schema, which says which fields are links; may be null
   * @param segmentExists whether a segment key names a segment of the space that is not archived
   */
  static Variant clean(
      Variant in,
      String slotKey,
      List<String> slotChannels,
      JsonNode slotSchema,
      Predicate<String> segmentExists) {
    FieldErrors errors = new FieldErrors();
    errors.key("key", in.key());
    if (in.slot() != null && !in.slot().equals(slotKey)) {
      errors.add("slot", "must equal the slot in the path: a variant cannot move between slots");
    }
    errors.requiredText("name", in.name(), 200);
    errors.jsonObject("fields", in.fields(), MAX_CONTENT);
    LinkFields.check(slotSchema, in.fields(), errors);
    errors.maxLength("html", in.html(), MAX_CONTENT);
    errors.eachMatches("segments", in.segments(), Keys.KEY, Keys.RULE, MAX_TAGS);
    if (errors.isEmpty() && in.segments() != null) {
      for (int i = 0; i < in.segments().size(); i++) {
        if (!segmentExists.test(in.segments().get(i))) {
          errors.add("segments[" + i + "]", "names no segment of this space that is not archived");
        }
      }
    }
    errors.oneOf("segmentMatch", in.segmentMatch(), SEGMENT_MATCHES);
    errors.eachMatches("channels", in.channels(), Keys.CHANNEL, Keys.CHANNEL_RULE, MAX_TAGS);
    checkChannels(in.channels(), slotKey, slotChannels, errors);
    errors.eachMatches("locales", in.locales(), Keys.LOCALE, Keys.LOCALE_RULE, MAX_TAGS);
    errors.range("priority", in.priority(), -MAX_PRIORITY, MAX_PRIORITY);
    errors.range("weight", in.weight(), 0, MAX_WEIGHT);
    errors.instant("validFrom", in.validFrom());
    errors.instant("validUntil", in.validUntil());
    if (in.validFrom() != null
        && in.validUntil() != null
        && !in.validUntil().isAfter(in.validFrom())) {
      errors.add("validUntil", "must be after validFrom");
    }
    errors.optionalKey("suppressAfterConversion", in.suppressAfterConversion());
    errors.throwIfAny();
    return new Variant(
        in.key(),
        slotKey,
        in.name().strip(),
        in.fields() == null || in.fields().isNull()
            ? JsonNodeFactory.instance.objectNode()
            : in.fields(),
        in.html(),
        listOrEmpty(in.segments()),
        in.segmentMatch() == null ? "any" : in.segmentMatch(),
        listOrEmpty(in.channels()),
        listOrEmpty(in.locales()),
        in.priority() == null ? 0 : in.priority(),
        in.weight() == null ? 1 : in.weight(),
        in.validFrom(),
        in.validUntil(),
        Boolean.TRUE.equals(in.isDefault()),
        in.suppressAfterConversion(),
        in.status(),
        in.version());
  }

  private static void checkChannels(
      List<String> channels, String slotKey, List<String> slotChannels, FieldErrors errors) {
    if (channels == null) {
      return;
    }
    for (int i = 0; i < channels.size(); i++) {
      String channel = channels.get(i);
      if (channel != null
          && Keys.CHANNEL.matcher(channel).matches()
          && !slotChannels.contains(channel)) {
        errors.add(
            "channels[" + i + "]",
            "slot "
                + slotKey
                + " does not serve channel "
                + channel
                + " (it serves "
                + String.join(", ", slotChannels)
                + ")");
      }
    }
  }

  private static List<String> listOrEmpty(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
