package dev.bespoke.core.condition;

import java.util.Objects;

/** A literal from a rule. Rule values are data only: nothing in a {@link Text} is ever run. */
public sealed interface Value {

  /** A string, at most {@link Limits#MAX_STRING_LENGTH} characters. */
  record Text(String value) implements Value {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** A finite number; whole numbers and fractions are one type, as in JSON. */
  record Num(double value) implements Value {
    public Num {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("numbers in rules are finite");
      }
      // -0 and 0 must be one value, or eq 0 would depend on how a client spelt zero.
      value = value == 0.0 ? 0.0 : value;
    }

    @Override
    public String toString() {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements Value {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }
}
