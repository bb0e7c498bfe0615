package dev.bespoke.core.condition;

/**
 * The bounds every rule must keep. They exist so a rule from an editor (or an attacker holding an
 * editor's session) cannot make the parser, a save or a decision unboundedly expensive.
 */
public final class Limits {
  /** Condition nodes on the longest path from the root, the root counting as 1. */
  public static final int MAX_DEPTH = 16;

  /** Condition nodes ({@code all}, {@code any}, {@code not} and predicates) in one rule. */
  public static final int MAX_NODES = 256;

  /** Values in one {@code in} or {@code notIn} list. */
  public static final int MAX_LIST_VALUES = 1_000;

  /** Characters in any string in a rule, attribute paths and segment keys included. */
  public static final int MAX_STRING_LENGTH = 1_000;

  /**
   * The largest magnitude of a number. 2^53 - 1 is the last integer every JSON client (JavaScript
   * included) reads exactly, so golden vectors mean the same everywhere.
   */
  public static final double MAX_NUMBER_MAGNITUDE = 9_007_199_254_740_991d;

  /** Characters of an attribute's value that {@code matches} looks at; the rest is ignored. */
  public static final int MAX_MATCH_INPUT = 2_048;

  /**
   * The largest estimated size of a {@code matches} pattern with its counted repeats expanded (so
   * {@code [0-9]{4}} costs 4 and {@code (ab){3}} about 9). Matching costs this times the input.
   */
  public static final int MAX_REGEX_SIZE = 2_000;

  /** JSON nesting the reader accepts at all; a valid rule needs far less (about 2 per level). */
  public static final int MAX_JSON_NESTING = 64;

  /** The longest {@code within} window, in days. */
  public static final int MAX_WITHIN_DAYS = 3_660;

  /**
   * Segments in the longest {@code inSegment} chain (a uses b uses c: 3). Each level is a lazy,
   * nested evaluation during a decision, so the chain length bounds its cost and stack.
   */
  public static final int MAX_SEGMENT_CHAIN = 8;

  private Limits() {}
}
