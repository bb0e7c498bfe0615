package dev.bespoke.core.experiment;

import java.util.Locale;

/** When a visitor counts as exposed to an experiment (once per visitor per experiment). */
public enum ExposureMode {
  /** At decision time: cheap and the default, but counts pages that never rendered the slot. */
  DECISION,
  /** At the first {@code impression} event: render-confirmed, for slots below the fold. */
  IMPRESSION;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExposureMode fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
