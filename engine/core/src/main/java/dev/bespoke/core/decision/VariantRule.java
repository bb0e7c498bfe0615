package dev.bespoke.core.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the decision needs to know of one published variant: its targeting, never its content.
 *
 * @param segments segment keys the variant targets; empty means everyone
 * @param channels channels it may be shown in; empty means all
 * @param locales locales ({@code nl-NL}) or languages ({@code nl}) it is written for; empty means
 *     all
 * @param validFrom first instant it may be shown, or {@code null}
 * @param validUntil instant from which it is no longer shown, or {@code null}
 * @param suppressAfterConversion goal after which a visitor no longer sees it, or {@code null}
 */
public record VariantRule(
    String key,
    List<String> segments,
    SegmentMatch segmentMatch,
    Set<String> channels,
    Set<String> locales,
    int priority,
    int weight,
    Instant validFrom,
    Instant validUntil,
    boolean isDefault,
    String suppressAfterConversion) {

  public VariantRule {
    Objects.requireNonNull(key, "key");
    segments = List.copyOf(segments);
    segmentMatch = segmentMatch == null ? SegmentMatch.ANY : segmentMatch;
    channels = Set.copyOf(channels);
    locales = Set.copyOf(locales);
  }

  boolean liveAt(Instant now) {
    return (validFrom == null || !now.isBefore(validFrom))
        && (validUntil == null || now.isBefore(validUntil));
  }

  boolean servesChannel(String channel) {
    return channels.isEmpty() || channels.contains(channel);
  }

  /** An exact locale ({@code nl-BE}) or its language ({@code nl}) fits. */
  boolean servesLocale(String locale) {
    if (locales.isEmpty()) {
      return true;
    }
    if (locale == null || locale.isEmpty()) {
      return false;
    }
    int dash = locale.indexOf('-');
    String language = dash < 0 ? locale : locale.substring(0, dash);
    return locales.stream()
        .anyMatch(l -> l.equalsIgnoreCase(locale) || l.equalsIgnoreCase(language));
  }
}
