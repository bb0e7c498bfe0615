package dev.bespoke.core.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A published slot as the decision sees it: its channels, its strategy and its live variants.
 * Exactly one variant should be the default; a slot without one answers "nothing" rather than
 * guessing, and the content store refuses to publish such a state.
 */
public record SlotRule(
    String key, Set<String> channels, Strategy strategy, List<VariantRule> variants) {

  public SlotRule {
    Objects.requireNonNull(key, "key");
    channels = Set.copyOf(channels);
    strategy = strategy == null ? Strategy.FIRST_MATCH : strategy;
    variants = List.copyOf(variants);
  }

  public Optional<VariantRule> defaultVariant() {
    return variants.stream().filter(VariantRule::isDefault).findFirst();
  }

  public Optional<VariantRule> variant(String variantKey) {
    return variants.stream().filter(v -> v.key().equals(variantKey)).findFirst();
  }
}
