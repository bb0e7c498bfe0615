package dev.bespoke.core.condition;

/** Renders editor-supplied text safely into error messages and paths. */
final class Texts {
  private static final int SHOWN = 64;

  private Texts() {}

  /**
   * Shortens and escapes text so an error message stays one short line whatever a rule holds: a
   * message is echoed to consoles and logs, and a 1 MB key or a CR/LF must not travel with it.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN) + 8);
    int limit = Math.min(text.length(), SHOWN);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > SHOWN) {
      out.append("...");
    }
    return out.toString();
  }
}
