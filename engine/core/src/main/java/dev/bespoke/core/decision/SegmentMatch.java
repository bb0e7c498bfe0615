package dev.bespoke.core.decision;

import java.util.Locale;

/** Whether a variant wants the visitor in any one of its segments or in all of them. */
public enum SegmentMatch {
  ANY,
  ALL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SegmentMatch fromWire(String name) {
    return name == null ? ANY : valueOf(name.toUpperCase(Locale.ROOT));
  }
}
