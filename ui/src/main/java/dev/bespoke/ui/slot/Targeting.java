package dev.bespoke.ui.slot;

import java.util.List;

/**
 * A variant's tags as the editor has them on screen, saved or not.
 *
 * @param validFrom the schedule's start as typed ({@code yyyy-mm-ddThh:mm}, UTC), blank for none
 */
public record Targeting(
    String key,
    List<String> segments,
    String segmentMatch,
    List<String> channels,
    List<String> locales,
    int priority,
    String validFrom,
    String validUntil,
    boolean isDefault,
    String suppressAfterConversion) {

  public Targeting {
    segments = segments == null ? List.of() : List.copyOf(segments);
    channels = channels == null ? List.of() : List.copyOf(channels);
    locales = locales == null ? List.of() : List.copyOf(locales);
  }

  static Targeting of(VariantForm form) {
    return new Targeting(
        form.key(),
        form.segments().stream()
            .filter(VariantForm.SegmentChoice::checked)
            .map(VariantForm.SegmentChoice::key)
            .toList(),
        form.segmentMatch(),
        dev.bespoke.ui.support.Forms.list(form.channels()),
        dev.bespoke.ui.support.Forms.list(form.locales()),
        form.priority(),
        form.validFrom(),
        form.validUntil(),
        form.isDefault(),
        form.suppressAfterConversion());
  }
}
