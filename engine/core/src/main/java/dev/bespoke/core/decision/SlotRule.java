package dev.bespoke.core.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A published slot as the decision sees it: its channels, its strategy and its live variants.
 * Exactly one variant should be the default; a slot without one answers "nothing" rather than
 * guessing, and the content store refuses to publish such a state.
 *
 * <p>The variants are kept in precedence order, highest priority first (equal priorities in the
 * order given), ranked once when the snapshot is compiled, so that a first-match decision can stop
 * at the first priority level where something fits and never evaluate the segments below it.
 */
public record SlotRule(
    String key, Set<String> channels, Strategy strategy, List<VariantRule> variants) {

  public SlotRule {
    Objects.requireNonNull(key, "key");
    channels = Set.copyOf(channels);
    strategy = strategy == null ? Strategy.FIRST_MATCH : strategy;
    variants = inPrecedenceOrder(variants);
  }

  private static List<VariantRule> inPrecedenceOrder(List<VariantRule> variants) {
    List<VariantRule> ranked = new ArrayList<>(variants);
    // List.sort is stable: equal priorities keep the order they were given in.
    ranked.sort(Comparator.comparingInt(VariantRule::priority).reversed());
    return List.copyOf(ranked);
  }

  public Optional<VariantRule> defaultVariant() {
    return variants.stream().filter(VariantRule::isDefault).findFirst();
  }

  public Optional<VariantRule> variant(String variantKey) {
    return variants.stream().filter(v -> v.key().equals(variantKey)).findFirst();
  }
}
