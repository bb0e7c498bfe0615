package dev.bespoke.core.condition;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A predicate's operand converted once, at compile time, into the forms values take at run time:
 * {@code String} (case-folded where the attribute ignores case), {@code Double}, {@code Boolean} or
 * {@code LocalDate}.
 */
record Operands(
    Object single,
    Object low,
    Object high,
    Set<Object> set,
    Set<Class<?>> kinds,
    String regex,
    boolean caseInsensitive) {

  /** What {@link #order} answers for values that have no order between them. */
  static final int UNORDERED = Integer.MIN_VALUE;

  static Operands of(Operand operand, AttributeSpec spec) {
    boolean fold = spec.caseInsensitive();
    if (operand instanceof Operand.One one) {
      String regex = one.value() instanceof Value.Text t ? t.value() : null;
      return new Operands(convert(one.value(), spec), null, null, Set.of(), Set.of(), regex, fold);
    }
    if (operand instanceof Operand.Many many) {
      Set<Object> set = new HashSet<>();
      Set<Class<?>> kinds = new HashSet<>();
      for (Value v : many.values()) {
        Object converted = convert(v, spec);
        set.add(converted);
        kinds.add(converted.getClass());
      }
      return new Operands(null, null, null, Set.copyOf(set), Set.copyOf(kinds), null, fold);
    }
    if (operand instanceof Operand.Range range) {
      return new Operands(
          null,
          convert(range.low(), spec),
          convert(range.high(), spec),
          Set.of(),
          Set.of(),
          null,
          fold);
    }
    return new Operands(null, null, null, Set.of(), Set.of(), null, fold);
  }

  private static Object convert(Value value, AttributeSpec spec) {
    if (value instanceof Value.Num n) {
      return n.value();
    }
    if (value instanceof Value.Bool b) {
      return b.value();
    }
    String text = ((Value.Text) value).value();
    if (spec.type() == AttributeType.DATE) {
      return LocalDate.parse(text);
    }
    return spec.caseInsensitive() ? text.toLowerCase(Locale.ROOT) : text;
  }

  /** Orders numbers with numbers and dates with dates; anything else is {@link #UNORDERED}. */
  static int order(Object actual, Object bound) {
    if (actual instanceof Double a && bound instanceof Double b) {
      return Integer.signum(Double.compare(a, b));
    }
    if (actual instanceof LocalDate a && bound instanceof LocalDate b) {
      return Integer.signum(a.compareTo(b));
    }
    return UNORDERED;
  }
}
