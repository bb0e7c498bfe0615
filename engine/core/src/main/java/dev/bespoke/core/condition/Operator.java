package dev.bespoke.core.condition;

import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * The operators of the rule language. Each is a small strategy: given its operand (already checked
 * and converted at compile time) it yields a test of one attribute value.
 *
 * <p>The tests only ever see a present value of the attribute's type; a missing value or one of the
 * wrong type is decided before them (see {@link CompiledCondition}), which keeps every strategy a
 * one-liner and the fail-closed rules in one place.
 */
public enum Operator {
  EQ("eq", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      Object expected = o.single();
      return expected::equals;
    }
  },
  NEQ("neq", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      Object expected = o.single();
      // A value of another type is not "different", it is not comparable: fail closed.
      return actual -> actual.getClass() == expected.getClass() && !expected.equals(actual);
    }
  },
  IN("in", Arity.LIST) {
    @Override
    ValueTest bind(Operands o) {
      return o.set()::contains;
    }
  },
  NOT_IN("notIn", Arity.LIST) {
    @Override
    ValueTest bind(Operands o) {
      return actual -> o.kinds().contains(actual.getClass()) && !o.set().contains(actual);
    }
  },
  CONTAINS("contains", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      String needle = (String) o.single();
      return actual -> actual instanceof String s && s.contains(needle);
    }
  },
  STARTS_WITH("startsWith", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      String prefix = (String) o.single();
      return actual -> actual instanceof String s && s.startsWith(prefix);
    }
  },
  ENDS_WITH("endsWith", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      String suffix = (String) o.single();
      return actual -> actual instanceof String s && s.endsWith(suffix);
    }
  },
  MATCHES("matches", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      // RE2/J runs in time linear in the input, and the input is cut to a fixed length first, so
      // no pattern an editor writes can make a decision slow.
      Pattern pattern =
          Pattern.compile(o.regex(), o.caseInsensitive() ? Pattern.CASE_INSENSITIVE : 0);
      return actual ->
          actual instanceof String s
              && pattern
                  .matcher(
                      s.length() > Limits.MAX_MATCH_INPUT
                          ? s.substring(0, Limits.MAX_MATCH_INPUT)
                          : s)
                  .find();
    }
  },
  GT("gt", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      Object bound = o.single();
      return actual -> Operands.order(actual, bound) > 0;
    }
  },
  GTE("gte", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      Object bound = o.single();
      return actual -> Operands.order(actual, bound) >= 0;
    }
  },
  LT("lt", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      Object bound = o.single();
      return actual -> {
        int c = Operands.order(actual, bound);
        return c < 0 && c != Operands.UNORDERED;
      };
    }
  },
  LTE("lte", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      Object bound = o.single();
      return actual -> {
        int c = Operands.order(actual, bound);
        return c <= 0 && c != Operands.UNORDERED;
      };
    }
  },
  BETWEEN("between", Arity.RANGE) {
    @Override
    ValueTest bind(Operands o) {
      Object low = o.low();
      Object high = o.high();
      return actual -> {
        int fromLow = Operands.order(actual, low);
        int toHigh = Operands.order(actual, high);
        return fromLow >= 0 && toHigh <= 0;
      };
    }
  },
  EXISTS("exists", Arity.NONE) {
    @Override
    ValueTest bind(Operands o) {
      return actual -> true;
    }
  },
  NOT_EXISTS("notExists", Arity.NONE) {
    @Override
    ValueTest bind(Operands o) {
      return actual -> false;
    }
  },
  IN_SEGMENT("inSegment", Arity.ONE) {
    @Override
    ValueTest bind(Operands o) {
      // Segment membership is a question to the context, not a test of a value.
      throw new IllegalStateException("inSegment is compiled by the ConditionCompiler");
    }
  };

  /** The shape of the {@code value} field an operator takes. */
  public enum Arity {
    /** No {@code value} field. */
    NONE,
    /** One scalar. */
    ONE,
    /** A non-empty array of scalars. */
    LIST,
    /** An array {@code [low, high]}. */
    RANGE
  }

  private final String wireName;
  private final Arity arity;

  Operator(String wireName, Arity arity) {
    this.wireName = wireName;
    this.arity = arity;
  }

  /** The test of a present, well-typed attribute value. */
  abstract ValueTest bind(Operands operands);

  /** Whether a missing attribute satisfies this operator: only {@code notExists}. */
  boolean matchesMissing() {
    return this == NOT_EXISTS;
  }

  /** The name used in rule JSON, for example {@code notIn}. */
  public String wireName() {
    return wireName;
  }

  public Arity arity() {
    return arity;
  }

  public static Optional<Operator> fromWireName(String name) {
    for (Operator op : values()) {
      if (op.wireName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
