package dev.bespoke.cms.settings;

import java.util.Locale;

/**
 * What a CMS publish does in Bespoke: {@code in_review} waits for a Bespoke publisher (the
 * governance default), {@code published} goes live at once because the CMS's own workflow already
 * approved it.
 */
public enum PublishAs {
  IN_REVIEW,
  PUBLISHED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PublishAs of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
