package dev.bespoke.server.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of event the API accepts, by their wire names. */
public enum EventType {
  PAGEVIEW,
  IMPRESSION,
  CLICK,
  CONVERSION,
  CUSTOM;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EventType> fromWire(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }

  /** Whether experiment results count this kind (exposures and outcomes). */
  public boolean feedsExperiments() {
    return this == IMPRESSION || this == CLICK || this == CONVERSION;
  }
}
