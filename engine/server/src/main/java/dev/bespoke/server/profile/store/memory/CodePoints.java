package dev.bespoke.server.profile.store.memory;

/**
 * Orders strings by code point, which is the order of their UTF-8 bytes: how Redis breaks ties in a
 * sorted set. {@link String#compareTo} compares UTF-16 units and disagrees above U+FFFF.
 */
final class CodePoints {

  private CodePoints() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
