package dev.bespoke.ui.slot;

import dev.bespoke.store.common.FieldError;
import java.util.List;

/** Everything the variant editor shows, as typed or as stored. */
public record VariantForm(
    boolean creating,
    String slot,
    String key,
    String name,
    List<FieldValue> fields,
    String extraJson,
    String html,
    List<SegmentChoice> segments,
    String segmentMatch,
    String channels,
    String locales,
    int priority,
    int weight,
    String validFrom,
    String validUntil,
    boolean isDefault,
    String suppressAfterConversion,
    String status,
    Long version,
    List<FieldError> errors) {

  /** One generated content input and its value. */
  public record FieldValue(
      String name, String label, String type, boolean required, boolean longText, String value) {}

  /** A segment chip: tick to tag the variant with it. */
  public record SegmentChoice(String key, String name, boolean checked) {}
}
