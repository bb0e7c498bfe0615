package dev.bespoke.server.context.support;

/**
 * Bounds and cleans strings that come from a request before anything else looks at them.
 *
 * <p>Truncation never splits a surrogate pair, so a cut string is still valid UTF-16 and serialises
 * to valid JSON and UTF-8.
 */
public final class CleanText {

  private CleanText() {}

  /** The first {@code max} chars of {@code s} (one fewer if that would split a surrogate pair). */
  public static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Whether {@code s} holds an ISO control character (C0, DEL or C1), CR and LF included. */
  public static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code s} holds half a surrogate pair. Such a string has no UTF-8 form: a JSON or Redis
   * writer replaces it or fails, so what was stored would not be what was read back.
   */
  public static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code s} without ISO control characters; the same instance when it has none. */
  public static String stripControl(String s) {
    if (s == null || !hasControl(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Trimmed {@code s}, or {@code null} when it is null or blank. */
  public static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
