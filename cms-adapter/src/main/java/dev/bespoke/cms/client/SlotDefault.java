package dev.bespoke.cms.client;

import java.util.Objects;

/** A slot to decide, with the content the page shows when Bespoke cannot answer in time. */
public record SlotDefault(String slot, Variant fallback) {

  public SlotDefault {
    Objects.requireNonNull(slot, "slot");
  }

  public static SlotDefault of(String slot, Variant fallback) {
    return new SlotDefault(slot, fallback);
  }
}
