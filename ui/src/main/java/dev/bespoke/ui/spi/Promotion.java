package dev.bespoke.ui.spi;

import java.util.List;

/**
 * What promoting an arm of an A/B experiment does (a plan) or did (a promotion).
 *
 * @param evidence {@code significant}, or in the engine's words why the evidence falls short
 * @param unpublished the losing arms' variants that go (or went) back to draft
 * @param keptAsDefault losing variants that stay published because they are the slot's default
 */
public record Promotion(
    String arm,
    String variant,
    String evidence,
    List<String> unpublished,
    List<String> keptAsDefault) {

  public Promotion {
    unpublished = List.copyOf(unpublished);
    keptAsDefault = List.copyOf(keptAsDefault);
  }

  public boolean significant() {
    return "significant".equals(evidence);
  }
}
