package dev.bespoke.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.store.variant.VariantService;
import dev.bespoke.ui.support.ConsoleForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The three kinds of reviewed content behind one set of verbs, so the review pages need not repeat
 * themselves per kind. {@code slot} names the variant's slot and is ignored for the others.
 */
@ApplicationScoped
class ContentRef {

  private final SlotService slots;
  private final VariantService variants;
  private final SegmentService segments;

  ContentRef(SlotService slots, VariantService variants, SegmentService segments) {
    this.slots = slots;
    this.variants = variants;
    this.segments = segments;
  }

  JsonNode current(String space, String type, String key, String slot) {
    return StoreJson.toTree(
        switch (kind(type)) {
          case "slot" -> slots.get(space, key);
          case "variant" -> variants.get(space, slot, key);
          default -> segments.get(space, key);
        });
  }

  Page<ContentVersion> versions(String space, String type, String key, String slot) {
    PageRequest page = new PageRequest(0, PageRequest.MAX_SIZE);
    return switch (kind(type)) {
      case "slot" -> slots.versions(space, key, page);
      case "variant" -> variants.versions(space, slot, key, page);
      default -> segments.versions(space, key, page);
    };
  }

  void publish(String space, String type, String key, String slot, String actor) {
    switch (kind(type)) {
      case "slot" -> slots.publish(space, key, actor);
      case "variant" -> variants.publish(space, slot, key, actor);
      default -> segments.publish(space, key, actor);
    }
  }

  void unpublish(String space, String type, String key, String slot, String actor) {
    switch (kind(type)) {
      case "slot" -> slots.unpublish(space, key, actor);
      case "variant" -> variants.unpublish(space, slot, key, actor);
      default -> segments.unpublish(space, key, actor);
    }
  }

  void rollback(String space, String type, String key, String slot, long version, String actor) {
    switch (kind(type)) {
      case "slot" -> slots.rollback(space, key, version, actor);
      case "variant" -> variants.rollback(space, slot, key, version, actor);
      default -> segments.rollback(space, key, version, actor);
    }
  }

  /** Only the known kinds reach the services; anything else is a bad link, not a lookup. */
  private static String kind(String type) {
    if (!"slot".equals(type) && !"variant".equals(type) && !"segment".equals(type)) {
      throw new ConsoleForbiddenException("Unknown kind of content: " + type);
    }
    return type;
  }
}
