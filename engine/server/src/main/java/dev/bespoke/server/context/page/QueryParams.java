package dev.bespoke.server.context.page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the few query parameters the touchpoint needs from a raw query string. */
final class QueryParams {

  /** A query with thousands of parameters is not a tracking link; look at the first ones only. */
  private static final int MAX_PARAMS = 100;

  private QueryParams() {}

  /**
   * The first value of each parameter in {@code wanted} (names compared in lower case). A pair that
   * does not percent-decode is skipped.
   */
  static Map<String, String> first(String rawQuery, Set<String> wanted) {
    Map<String, String> found = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return found;
    }
    int seen = 0;
    int start = 0;
    while (start <= rawQuery.length() && seen < MAX_PARAMS) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = rawQuery.length();
      }
      String pair = rawQuery.substring(start, end);
      start = end + 1;
      if (pair.isEmpty()) {
        continue;
      }
      seen++;
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (name == null) {
        continue;
      }
      name = name.toLowerCase(Locale.ROOT);
      if (wanted.contains(name) && !found.containsKey(name)) {
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (value != null) {
          found.put(name, value);
        }
      }
    }
    return found;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
