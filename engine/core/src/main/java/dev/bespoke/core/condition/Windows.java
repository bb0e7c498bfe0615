package dev.bespoke.core.condition;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code within}: an ISO-8601 duration of whole days, since counters are kept per day. */
final class Windows {
  private static final Pattern WEEKS = Pattern.compile("P(\\d{1,4})W");
  private static final long DAY_SECONDS = 86_400;

  private Windows() {}

  static Duration parse(String text) {
    String hint = "within is an ISO-8601 duration of whole days such as P30D or P4W, got \"";
    if (text.length() > 32) {
      throw new IllegalArgumentException(hint + Texts.quote(text) + "\"");
    }
    Duration window;
    Matcher weeks = WEEKS.matcher(text);
    try {
      window =
          weeks.matches()
              ? Duration.ofDays(7L * Integer.parseInt(weeks.group(1)))
              : Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(hint + Texts.quote(text) + "\"");
    }
    if (window.isNegative()
        || window.isZero()
        || window.getNano() != 0
        || window.getSeconds() % DAY_SECONDS != 0) {
      throw new IllegalArgumentException(hint + Texts.quote(text) + "\"");
    }
    if (window.toDays() > Limits.MAX_WITHIN_DAYS) {
      throw new IllegalArgumentException(
          "within spans at most " + Limits.MAX_WITHIN_DAYS + " days, got \"" + text + "\"");
    }
    return window;
  }
}
