package dev.bespoke.cms.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Bespoke keys for CMS entries. CMS ids are case-sensitive ({@code 5bfZXM2wx8fCAb60IuLDdH}) and
 * keys are lower-case, so a key is the readable lower-cased id plus a short hash of the exact id:
 * two ids that differ only in case still get different keys.
 */
public final class VariantKeys {

  private static final int MAX = 64;

  private VariantKeys() {}

  /** The key of an entry's variant for one locale ({@code null}: the entry has no locales). */
  public static String of(String prefix, String entryId, String locale) {
    String hash = shortHash(entryId);
    String suffix = locale == null ? "" : "-" + slug(locale);
    int room = MAX - prefix.length() - 1 - hash.length() - 1 - suffix.length();
    String readable = slug(entryId);
    if (readable.length() > room) {
      readable = readable.substring(0, Math.max(0, room));
    }
    String key = prefix + "-" + (readable.isEmpty() ? "" : readable + "-") + hash + suffix;
    return key.length() > MAX ? key.substring(0, MAX) : key;
  }

  private static String slug(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return lower.replaceAll("^-+|-+$", "");
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
