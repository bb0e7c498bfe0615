package dev.bespoke.core.condition;

/** The type of an attribute in the {@link AttributeCatalog}. */
public enum AttributeType {
  /** Text; compared case-sensitively unless the attribute says otherwise. */
  STRING,
  /** A finite number. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A calendar date written {@code yyyy-MM-dd}; compared as dates. */
  DATE,
  /**
   * Open families whose values come from outside Bespoke ({@code customer.*}, {@code profile.*},
   * {@code request.*}): the operator and the value decide the type, and a mismatch at run time
   * simply does not match.
   */
  ANY
}
