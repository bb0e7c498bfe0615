package dev.bespoke.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads literals out of rule JSON and checks them; every failure is an IllegalArgumentException.
 */
final class Values {
  private static final BigDecimal MAX = BigDecimal.valueOf((long) Limits.MAX_NUMBER_MAGNITUDE);
  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Values() {}

  static Value read(JsonNode node, Kind kind, String attr) {
    if (node.isNull()) {
      throw new IllegalArgumentException("null is not a value; use exists or notExists");
    }
    if (node.isContainerNode()) {
      throw new IllegalArgumentException(
          "expected " + kind.describe() + ", got " + PredicateReader.describe(node));
    }
    return switch (kind) {
      case TEXT -> text(node, kind);
      case REGEX -> regex(text(node, kind));
      case NUMBER ->
          node.isTextual() && "time.dayOfWeek".equals(attr)
              ? dayOfWeek(node.textValue())
              : number(node, kind);
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          throw mismatch(node, kind);
        }
        yield new Value.Bool(node.booleanValue());
      }
      case DATE -> date(text(node, kind));
      case SEGMENT_KEY -> segmentKey(text(node, kind));
      case SCALAR -> {
        if (node.isTextual()) {
          yield text(node, kind);
        } else if (node.isNumber()) {
          yield number(node, kind);
        } else if (node.isBoolean()) {
          yield new Value.Bool(node.booleanValue());
        }
        throw mismatch(node, kind);
      }
    };
  }

  /** Checks a literal against the attribute's closed values and ranges. */
  static Value checkForAttribute(Value value, String attr, AttributeSpec spec, Operator op) {
    boolean equality =
        op == Operator.EQ || op == Operator.NEQ || op == Operator.IN || op == Operator.NOT_IN;
    if (equality && !spec.allowedValues().isEmpty() && value instanceof Value.Text text) {
      boolean known =
          spec.allowedValues().stream()
              .anyMatch(
                  allowed ->
                      spec.caseInsensitive()
                          ? allowed.equalsIgnoreCase(text.value())
                          : allowed.equals(text.value()));
      if (!known) {
        throw new IllegalArgumentException(
            "\""
                + Texts.quote(text.value())
                + "\" is not a value of "
                + attr
                + "; expected one of "
                + String.join(", ", spec.allowedValues()));
      }
    }
    if (value instanceof Value.Num num) {
      switch (attr) {
        case "time.hour" -> wholeIn(num, 0, 23, attr);
        case "time.dayOfWeek" -> wholeIn(num, 1, 7, attr);
        default -> {}
      }
    }
    return value;
  }

  /** Orders two literals of one kind: numbers by value, ISO dates as text (which is by date). */
  static int compare(Value a, Value b) {
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      return Double.compare(x.value(), y.value());
    }
    if (a instanceof Value.Text x && b instanceof Value.Text y) {
      return x.value().compareTo(y.value());
    }
    throw new IllegalArgumentException("cannot order " + a + " and " + b);
  }

  private static Value.Text text(JsonNode node, Kind kind) {
    if (!node.isTextual()) {
      throw mismatch(node, kind);
    }
    String text = node.textValue();
    if (text.length() > Limits.MAX_STRING_LENGTH) {
      throw new IllegalArgumentException(
          "string longer than " + Limits.MAX_STRING_LENGTH + " characters");
    }
    return new Value.Text(text);
  }

  private static Value.Text regex(Value.Text text) {
    if (RegexBudget.estimate(text.value()) > Limits.MAX_REGEX_SIZE) {
      throw new IllegalArgumentException(
          "regular expression too large: its repeats expand past "
              + Limits.MAX_REGEX_SIZE
              + " steps");
    }
    try {
      Pattern.compile(text.value());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression: " + e.getDescription());
    }
    return text;
  }

  private static Value.Text date(Value.Text text) {
    String s = text.value();
    try {
      if (ISO_DATE.matcher(s).matches()) {
        LocalDate.parse(s);
        return text;
      }
    } catch (DateTimeParseException e) {
      // falls through to the one message below
    }
    throw new IllegalArgumentException(
        "expected a date written yyyy-MM-dd, got \"" + Texts.quote(s) + "\"");
  }

  private static Value.Text segmentKey(Value.Text text) {
    if (!PredicateReader.SEGMENT_KEY.matcher(text.value()).matches()) {
      throw new IllegalArgumentException(
          "\"" + Texts.quote(text.value()) + "\" is not a segment key ([a-z0-9][a-z0-9-]{0,63})");
    }
    return text;
  }

  private static Value.Num dayOfWeek(String name) {
    try {
      return new Value.Num(DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT)).getValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "expected a day 1-7 or a name MONDAY..SUNDAY, got \"" + Texts.quote(name) + "\"");
    }
  }

  private static Value.Num number(JsonNode node, Kind kind) {
    if (!node.isNumber()) {
      throw mismatch(node, kind);
    }
    if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
      double d = node.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("numbers must be finite");
      }
      if (Math.abs(d) > Limits.MAX_NUMBER_MAGNITUDE) {
        throw outOfRange();
      }
      return new Value.Num(d);
    }
    BigDecimal exact = node.isBigDecimal() ? node.decimalValue() : new BigDecimal(bigInteger(node));
    if (exact.abs().compareTo(MAX) > 0) {
      throw outOfRange();
    }
    return new Value.Num(exact.doubleValue());
  }

  private static BigInteger bigInteger(JsonNode node) {
    return node.isBigInteger() ? node.bigIntegerValue() : BigInteger.valueOf(node.longValue());
  }

  private static IllegalArgumentException outOfRange() {
    return new IllegalArgumentException(
        "number out of range: magnitude at most " + (long) Limits.MAX_NUMBER_MAGNITUDE);
  }

  private static void wholeIn(Value.Num num, int min, int max, String attr) {
    double v = num.value();
    if (v != Math.rint(v) || v < min || v > max) {
      throw new IllegalArgumentException(
          attr + " takes whole numbers " + min + "-" + max + ", got " + num);
    }
  }

  private static IllegalArgumentException mismatch(JsonNode node, Kind kind) {
    String got = PredicateReader.describe(node);
    if (node.isTextual() || node.isNumber() || node.isBoolean()) {
      got += " " + shown(node);
    }
    return new IllegalArgumentException(
        "type mismatch: expected " + kind.describe() + ", got " + got);
  }

  private static String shown(JsonNode node) {
    return node.isTextual()
        ? "\"" + Texts.quote(node.textValue()) + "\""
        : Texts.quote(node.asText());
  }
}
