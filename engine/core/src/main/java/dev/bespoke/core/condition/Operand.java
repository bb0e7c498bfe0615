package dev.bespoke.core.condition;

import java.util.List;
import java.util.Objects;

/** What a predicate's {@code value} field holds, in the shape its operator needs. */
public sealed interface Operand {

  /** {@code exists} and {@code notExists} take no value. */
  record None() implements Operand {}

  /** One scalar, for {@code eq}, {@code contains}, {@code gt}, {@code inSegment} and the like. */
  record One(Value value) implements Operand {
    public One {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A non-empty list of scalars, for {@code in} and {@code notIn}. */
  record Many(List<Value> values) implements Operand {
    public Many {
      values = List.copyOf(values);
    }
  }

  /** An inclusive range, for {@code between}. */
  record Range(Value low, Value high) implements Operand {
    public Range {
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }
  }
}
