package dev.bespoke.server.bandit;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;

/** Where bandit counts live: the profile store's kind, so every node learns from every node. */
public interface BanditCounters {

  /** One served decision of {@code variant} to a visitor in {@code context}. */
  Uni<Void> trial(BanditKey key, String context, String variant);

  /**
   * One reward, counted only the first time {@code decision} (a digest of the decision id) earns
   * one within {@code window}: a visitor clicking the same block five times is one success.
   *
   * @return whether it was counted
   */
  Uni<Boolean> reward(
      BanditKey key, String context, String variant, String decision, Duration window);

  /** Every counter of the slot, by field name (see {@link BanditKey}). */
  Uni<Map<String, Long>> read(BanditKey key);

  String kind();
}
