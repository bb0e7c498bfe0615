package dev.bespoke.core.condition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts a value from the visitor context into the form the operator strategies compare: the
 * attribute's type, case-folded where it ignores case. A value of another type becomes {@link
 * #MISMATCH}, which no operator but {@code exists} accepts.
 */
final class Actuals {
  /** Present, but not of the attribute's type. */
  static final Object MISMATCH = new Object();

  private Actuals() {}

  static Object normalize(Object raw, AttributeSpec spec, String attr) {
    return switch (spec.type()) {
      case STRING ->
          raw instanceof String s
              ? (spec.caseInsensitive() ? s.toLowerCase(Locale.ROOT) : s)
              : MISMATCH;
      case NUMBER -> "time.dayOfWeek".equals(attr) ? dayOfWeek(raw) : number(raw);
      case BOOLEAN -> raw instanceof Boolean ? raw : MISMATCH;
      case DATE -> date(raw);
      case ANY -> {
        if (raw instanceof String || raw instanceof Boolean) {
          yield raw;
        }
        yield number(raw);
      }
    };
  }

  static Object number(Object raw) {
    if (!(raw instanceof Number n)) {
      return MISMATCH;
    }
    double d;
    if (n instanceof BigDecimal || n instanceof BigInteger) {
      d = n.doubleValue();
    } else if (n instanceof Double || n instanceof Float) {
      d = n.doubleValue();
    } else {
      d = n.longValue();
    }
    if (!Double.isFinite(d)) {
      return MISMATCH;
    }
    // One zero, as in Value.Num, so -0 from a client equals 0 in a rule.
    return d == 0.0 ? 0.0 : d;
  }

  private static Object dayOfWeek(Object raw) {
    if (raw instanceof DayOfWeek day) {
      return (double) day.getValue();
    }
    if (raw instanceof String s) {
      try {
        return (double) DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT)).getValue();
      } catch (IllegalArgumentException e) {
        return MISMATCH;
      }
    }
    return number(raw);
  }

  private static Object date(Object raw) {
    if (raw instanceof LocalDate) {
      return raw;
    }
    if (raw instanceof String s && s.length() == 10) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        return MISMATCH;
      }
    }
    return MISMATCH;
  }
}
