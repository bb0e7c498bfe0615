package dev.bespoke.core.condition;

/** The kind of literal a predicate's value must be, given its operator and attribute type. */
enum Kind {
  TEXT,
  REGEX,
  NUMBER,
  BOOLEAN,
  DATE,
  SCALAR,
  SEGMENT_KEY;

  static Kind of(Operator op, AttributeType type) {
    return switch (op) {
      case CONTAINS, STARTS_WITH, ENDS_WITH -> TEXT;
      case MATCHES -> REGEX;
      case IN_SEGMENT -> SEGMENT_KEY;
      case GT, GTE, LT, LTE, BETWEEN -> type == AttributeType.DATE ? DATE : NUMBER;
      case EQ, NEQ, IN, NOT_IN, EXISTS, NOT_EXISTS ->
          switch (type) {
            case STRING -> TEXT;
            case NUMBER -> NUMBER;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case ANY -> SCALAR;
          };
    };
  }

  String describe() {
    return switch (this) {
      case TEXT -> "a string";
      case REGEX -> "a regular expression string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case DATE -> "a date string yyyy-MM-dd";
      case SCALAR -> "a string, number or boolean";
      case SEGMENT_KEY -> "a segment key";
    };
  }
}
