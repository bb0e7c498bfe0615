package dev.bespoke.server.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bandit slot has learnt, for editors: per segment context, each variant's trials, rewards
 * and observed rate. Deliberately without p-values or "winner" labels: a bandit's allocation
 * follows its own data, so these counts support no significance claim.
 */
public record BanditStandings(
    String slot, double explorationShare, String note, List<Context> contexts) {

  static final String NOTE =
      "an optimisation, not a test: traffic follows the evidence, so no significance is claimed;"
          + " run an A/B experiment to prove a difference";

  public record Context(String context, List<VariantCounts> variants) {}

  public record VariantCounts(String variant, long trials, long rewards, double rate) {}

  static BanditStandings of(String slot, double explorationShare, Map<String, Long> fields) {
    Map<String, Map<String, long[]>> byContext = new TreeMap<>();
    fields.forEach(
        (field, count) -> {
          String[] parts = field.split("\\|", 3);
          if (parts.length != 3) {
            return;
          }
          long[] tr =
              byContext
                  .computeIfAbsent(parts[1], c -> new TreeMap<>())
                  .computeIfAbsent(parts[2], v -> new long[2]);
          tr["t".equals(parts[0]) ? 0 : 1] += count;
        });
    List<Context> contexts = new ArrayList<>();
    byContext.forEach(
        (context, variants) -> {
          List<VariantCounts> counts = new ArrayList<>();
          variants.forEach(
              (variant, tr) -> {
                long rewards = Math.min(tr[0], tr[1]);
                counts.add(
                    new VariantCounts(
                        variant, tr[0], rewards, tr[0] == 0 ? 0.0 : (double) rewards / tr[0]));
              });
          contexts.add(new Context(context, counts));
        });
    return new BanditStandings(slot, explorationShare, NOTE, contexts);
  }
}
