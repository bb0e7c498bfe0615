package dev.bespoke.server.context.locale;

import java.util.Map;

/**
 * The visitor's preferred locale.
 *
 * @param tag a BCP 47 tag with language, optional script and region, e.g. {@code nl-NL}
 * @param language the ISO 639 language code, e.g. {@code nl}
 */
public record ResolvedLocale(String tag, String language) {

  /** Puts this under {@code locale} and {@code language}. */
  public void addTo(Map<String, Object> attributes) {
    attributes.put("locale", tag);
    attributes.put("language", language);
  }
}
