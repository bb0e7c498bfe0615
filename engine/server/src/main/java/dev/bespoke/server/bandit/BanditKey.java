package dev.bespoke.server.bandit;

/**
 * One bandit slot. Counter fields inside it are {@code t|context|variant} (trials) and {@code
 * r|context|variant} (rewards); neither a context nor a variant key contains {@code |}.
 */
public record BanditKey(String space, String slot) {

  static String trials(String context, String variant) {
    return "t|" + context + "|" + variant;
  }

  static String rewards(String context, String variant) {
    return "r|" + context + "|" + variant;
  }
}
