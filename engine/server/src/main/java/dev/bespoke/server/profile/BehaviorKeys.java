package dev.bespoke.server.profile;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How behaviour becomes counter and score keys: {@code <event>.<property>.<value>} for counters
 * ({@code pageview.category.shoes}) and {@code <property>.<value>} for scores ({@code
 * category.shoes}), lower-cased so {@code Shoes} and {@code shoes} count together.
 *
 * <p>Values come from public callers, so they are bounded: a value that is not a short scalar is
 * not counted rather than stored, which keeps a hostile client from growing a profile without end.
 */
public final class BehaviorKeys {

  /** Longest property value counted; longer values are ignored, not truncated into collisions. */
  public static final int MAX_VALUE_LENGTH = 64;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private BehaviorKeys() {}

  /** {@code pageview.category.shoes}, or empty when the property or value cannot be counted. */
  public static Optional<String> counter(String event, String property, Object value) {
    return score(property, value).map(s -> event + "." + s);
  }

  /** {@code category.shoes}, or empty when the property or value cannot be counted. */
  public static Optional<String> score(String property, Object value) {
    Optional<String> name = name(property);
    Optional<String> v = value(value);
    if (name.isEmpty() || v.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(name.get() + "." + v.get());
  }

  /** A property or goal name, lower-cased; empty when it is not a plain identifier. */
  public static Optional<String> name(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String lower = raw.strip().toLowerCase(Locale.ROOT);
    return NAME.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
  }

  /**
   * A scalar value as a key segment: lower-cased, inner whitespace as {@code -}; empty for objects,
   * arrays, blanks, control characters and values longer than {@link #MAX_VALUE_LENGTH}.
   */
  public static Optional<String> value(Object raw) {
    String text;
    if (raw instanceof String s) {
      text = WHITESPACE.matcher(s.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
    } else if (raw instanceof Boolean b) {
      text = b.toString();
    } else if (raw instanceof BigDecimal d) {
      text = d.stripTrailingZeros().toPlainString();
    } else if (raw instanceof Number n) {
      text = n.toString();
    } else {
      return Optional.empty();
    }
    if (text.isEmpty() || text.length() > MAX_VALUE_LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(text);
  }
}
