package dev.bespoke.server.context.session;

import dev.bespoke.server.context.support.CleanText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the claims that become {@code customer.*}: plain values under plain names.
 *
 * <p>Time and audience claims are about the token, not the customer, so they are left out; {@code
 * loggedIn} is Bespoke's own and a token cannot set it. Nested objects and arrays are skipped (a
 * rule compares one value), as are long strings and odd names, and at most 50 claims are kept so a
 * large token cannot bloat every context built from it.
 */
final class ClaimAttributes {

  static final int MAX_CLAIMS = 50;
  static final int MAX_VALUE_LENGTH = 200;
  private static final Set<String> SKIPPED =
      Set.of("exp", "iat", "nbf", "jti", "aud", "iss", "loggedIn");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private ClaimAttributes() {}

  static Map<String, Object> of(Map<String, Object> claims) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> claim : claims.entrySet()) {
      if (kept.size() >= MAX_CLAIMS) {
        break;
      }
      String name = claim.getKey();
      if (SKIPPED.contains(name) || !NAME.matcher(name).matches()) {
        continue;
      }
      Object value = plain(claim.getValue());
      if (value != null) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  private static Object plain(Object value) {
    if (value instanceof String s) {
      return s.length() <= MAX_VALUE_LENGTH && !CleanText.hasControl(s) ? s : null;
    }
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? (n instanceof Double || n instanceof Float ? d : n) : null;
    }
    return null;
  }
}
