package dev.bespoke.store.space;

import dev.bespoke.store.common.FieldErrors;
import java.time.ZoneId;

/** Checks a space from a request and fills in the defaults of absent fields. */
final class SpaceValidator {

  static final String DEFAULT_TIME_ZONE = "Europe/Amsterdam";

  private SpaceValidator() {}

  static Space clean(Space in) {
    FieldErrors errors = new FieldErrors();
    errors.key("key", in.key());
    errors.requiredText("name", in.name(), 200);
    String zone = in.timeZone() == null ? DEFAULT_TIME_ZONE : in.timeZone();
    if (!isZone(zone)) {
      errors.add("timeZone", "must be an IANA time zone such as Europe/Amsterdam");
    }
    errors.throwIfAny();
    return new Space(
        in.key(),
        in.name().strip(),
        zone,
        Boolean.TRUE.equals(in.consentRequired()),
        Boolean.TRUE.equals(in.deliveryKeyRequired()),
        in.status(),
        in.version());
  }

  /**
   * Names in the IANA time zone database only, links such as {@code UTC} included. Fixed offsets
   * ({@code +02:00}, {@code UTC+2}) are refused: they ignore daylight saving time, so a schedule
   * written for a region would be an hour off for half the year.
   */
  private static boolean isZone(String zone) {
    return ZoneId.getAvailableZoneIds().contains(zone);
  }
}
