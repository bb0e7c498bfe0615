package dev.bespoke.core.condition;

/** A test of one present attribute value, already converted to the attribute's type. */
@FunctionalInterface
interface ValueTest {
  boolean test(Object actual);
}
