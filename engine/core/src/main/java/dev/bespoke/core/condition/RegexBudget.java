package dev.bespoke.core.condition;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper estimate of how large a pattern's compiled program gets once counted repetitions are
 * expanded, computed <em>before</em> RE2/J sees the pattern.
 *
 * <p>RE2/J matches in time linear in the input, but the factor is the program size, and RE2/J (a
 * port of an older Go regexp) has no bound on it: {@code ((a{0,999}){0,999}){0,999}} exhausts the
 * heap while compiling, and {@code (?:[a-z]{0,1000}){0,1000}} takes a third of a second per match.
 * A short scan that multiplies nested repeat counts keeps such patterns out at save time.
 *
 * <p>The scan is deliberately rough and errs upwards: every character counts as one step,
 * alternatives add up, and {@code x{n,m}} costs {@code m} times {@code x}. A malformed pattern gets
 * some estimate and is then rejected by the compiler with a proper message.
 */
final class RegexBudget {
  private RegexBudget() {}

  /** The estimated program size, or {@code Limits.MAX_REGEX_SIZE + 1} once it is clearly over. */
  static long estimate(String pattern) {
    final long over = Limits.MAX_REGEX_SIZE + 1L;
    Deque<long[]> groups = new ArrayDeque<>();
    long sum = 0;
    long last = 0;
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      int next = i + 1;
      long atom = 1;
      switch (c) {
        case '\\' -> {
          int end = escapeEnd(pattern, i);
          if (pattern.startsWith("\\Q", i)) {
            atom = Math.max(1, end - i - 4);
          }
          next = end;
        }
        case '[' -> next = classEnd(pattern, i);
        case '(' -> {
          groups.push(new long[] {sum, last});
          sum = 0;
          atom = 0;
          next = groupBodyStart(pattern, i);
        }
        case ')' -> {
          atom = sum + 1;
          long[] outer = groups.isEmpty() ? new long[] {0, 0} : groups.pop();
          sum = outer[0];
        }
        case '|', '*', '+', '?' -> atom = 0;
        case '{' -> {
          int close = pattern.indexOf('}', i);
          long count = close < 0 ? -1 : repeatCount(pattern.substring(i + 1, close));
          if (count >= 0) {
            long expanded = last * count;
            if (count > over || expanded > over) {
              return over;
            }
            sum += expanded - last;
            last = expanded;
            i = close + 1;
            continue;
          }
        }
        default -> {}
      }
      // Quantifiers and | cost a step but leave the last atom to what it was.
      sum += c == '(' ? 0 : Math.max(atom, 1);
      if (c != '|' && c != '*' && c != '+' && c != '?' && c != '(') {
        last = atom;
      }
      if (sum > over) {
        return over;
      }
      i = next;
    }
    for (long[] outer : groups) {
      sum += outer[0];
    }
    return Math.min(sum, over);
  }

  /** The largest count of {@code n}, {@code n,} or {@code n,m}; -1 when not a repeat. */
  private static long repeatCount(String body) {
    if (!body.matches("\\d{1,7}(,\\d{0,7})?")) {
      return -1;
    }
    int comma = body.indexOf(',');
    if (comma < 0) {
      return Long.parseLong(body);
    }
    String max = body.substring(comma + 1);
    return max.isEmpty() ? Long.parseLong(body.substring(0, comma)) + 1 : Long.parseLong(max);
  }

  private static int escapeEnd(String p, int i) {
    if (i + 1 >= p.length()) {
      return p.length();
    }
    char kind = p.charAt(i + 1);
    if (kind == 'Q') {
      int end = p.indexOf("\\E", i + 2);
      return end < 0 ? p.length() : end + 2;
    }
    if ((kind == 'p' || kind == 'P' || kind == 'x')
        && i + 2 < p.length()
        && p.charAt(i + 2) == '{') {
      int end = p.indexOf('}', i + 2);
      return end < 0 ? p.length() : end + 1;
    }
    return Math.min(p.length(), kind == 'p' || kind == 'P' ? i + 3 : i + 2);
  }

  private static int classEnd(String p, int i) {
    int j = i + 1;
    if (j < p.length() && p.charAt(j) == '^') {
      j++;
    }
    if (j < p.length() && p.charAt(j) == ']') {
      j++;
    }
    while (j < p.length()) {
      char c = p.charAt(j);
      if (c == '\\') {
        j = escapeEnd(p, j);
      } else if (c == '[' && p.startsWith("[:", j)) {
        int end = p.indexOf(":]", j + 2);
        j = end < 0 ? p.length() : end + 2;
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return p.length();
  }

  /** Skips {@code (?:}, {@code (?i:}, {@code (?P<name>}; flags-only {@code (?i)} stop at ')'. */
  private static int groupBodyStart(String p, int i) {
    int j = i + 1;
    if (j >= p.length() || p.charAt(j) != '?') {
      return j;
    }
    j++;
    if (p.startsWith("P<", j)) {
      int end = p.indexOf('>', j);
      return end < 0 ? p.length() : end + 1;
    }
    while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
      j++;
    }
    return j < p.length() && p.charAt(j) == ':' ? j + 1 : j;
  }
}
