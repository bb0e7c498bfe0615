package dev.bespoke.server.context.locale;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the visitor's locale: the body's {@code locale} when it is a valid tag, else the
 * highest-weighted valid entry of {@code Accept-Language}.
 *
 * <p>The header is parsed by hand and leniently: only its first kilobyte and first 32 entries are
 * read, a weight that is not a number is skipped and one out of range is clamped, and tags Java
 * will not build are ignored. Real browsers send five entries at most; anything odd is an attack or
 * a bug, and neither may fail the request.
 */
@ApplicationScoped
public class LocaleResolver {

  static final int MAX_HEADER_LENGTH = 1_024;
  static final int MAX_ENTRIES = 32;
  static final int MAX_TAG_LENGTH = 35;

  /**
   * Answers for recently seen headers. Browsers send a handful of distinct Accept-Language values
   * and parsing one cost a tenth of resolving a request's context; the cache is emptied when full,
   * so odd or hostile headers can only make it forget, never grow.
   */
  static final int CACHE_ENTRIES = 1_024;

  private static final int CACHEABLE_LENGTH = 256;
  private final Map<String, Optional<ResolvedLocale>> byHeader = new ConcurrentHashMap<>();

  /** The locale to use, or empty when neither source names a valid one. */
  public Optional<ResolvedLocale> resolve(String bodyLocale, String acceptLanguage) {
    Optional<ResolvedLocale> fromBody = parseTag(bodyLocale);
    return fromBody.isPresent() ? fromBody : fromHeader(acceptLanguage);
  }

  Optional<ResolvedLocale> fromHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (header.length() > CACHEABLE_LENGTH) {
      return parseHeader(header);
    }
    Optional<ResolvedLocale> known = byHeader.get(header);
    if (known != null) {
      return known;
    }
    if (byHeader.size() >= CACHE_ENTRIES) {
      byHeader.clear();
    }
    Optional<ResolvedLocale> parsed = parseHeader(header);
    byHeader.put(header, parsed);
    return parsed;
  }

  private static Optional<ResolvedLocale> parseHeader(String header) {
    String text =
        header.length() > MAX_HEADER_LENGTH ? header.substring(0, MAX_HEADER_LENGTH) : header;
    ResolvedLocale best = null;
    double bestWeight = 0;
    int entries = 0;
    for (String entry : text.split(",", MAX_ENTRIES + 1)) {
      if (++entries > MAX_ENTRIES) {
        break;
      }
      // -1 keeps empty parts: ";;;" must not become an empty array.
      String[] parts = entry.split(";", -1);
      double weight = weight(parts);
      if (!(weight > bestWeight)) {
        continue;
      }
      Optional<ResolvedLocale> locale = parseTag(parts[0]);
      if (locale.isPresent()) {
        best = locale.get();
        bestWeight = weight;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The entry's {@code q}: 1 when absent, NaN (skip) when not a number, else clamped to 0..1. */
  private static double weight(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        String number = p.substring(2).strip();
        if (number.length() > 8) {
          return Double.NaN;
        }
        try {
          double q = Double.parseDouble(number);
          return Double.isNaN(q) ? Double.NaN : Math.max(0, Math.min(1, q));
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
    }
    return 1;
  }

  static Optional<ResolvedLocale> parseTag(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String tag = raw.strip().replace('_', '-');
    if (tag.isEmpty() || tag.length() > MAX_TAG_LENGTH || tag.equals("*")) {
      return Optional.empty();
    }
    Locale parsed;
    try {
      parsed = new Locale.Builder().setLanguageTag(tag).build();
    } catch (IllformedLocaleException e) {
      return Optional.empty();
    }
    String language = parsed.getLanguage();
    if (language.isEmpty() || language.equals("und") || language.length() > 3) {
      return Optional.empty();
    }
    // Variants and extensions (-u-ca-…, -x-…) are dropped: rules compare language and region.
    Locale plain =
        new Locale.Builder()
            .setLanguage(language)
            .setScript(parsed.getScript())
            .setRegion(parsed.getCountry())
            .build();
    return Optional.of(new ResolvedLocale(plain.toLanguageTag(), language));
  }
}
