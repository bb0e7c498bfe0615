package dev.bespoke.server.snapshot;

import dev.bespoke.core.decision.SlotRule;
import io.quarkus.qute.Template;
import java.util.Map;
import java.util.Optional;

/**
 * A published slot: the rule the core decides with, and the content and template to answer with.
 */
public record PublishedSlot(
    SlotRule rule, boolean cacheable, Map<String, VariantContent> contents, Template template) {

  public PublishedSlot {
    contents = Map.copyOf(contents);
  }

  public String key() {
    return rule.key();
  }

  public Optional<VariantContent> content(String variantKey) {
    return Optional.ofNullable(contents.get(variantKey));
  }

  public Optional<Template> optionalTemplate() {
    return Optional.ofNullable(template);
  }
}
