package dev.bespoke.store.deliverykey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** How keys are made and recognised: {@code bk_<id>_<secret>}, stored as a SHA-256 digest. */
public final class DeliveryKeyDigests {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private DeliveryKeyDigests() {}

  /** Hex, so the id never contains the {@code _} that separates the parts of a key. */
  static String newId() {
    byte[] raw = new byte[6];
    RANDOM.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  static String newKey(String id) {
    return "bk_" + id + "_" + random(24);
  }

  /** The digest a key is stored and looked up under. */
  public static String digest(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return B64.encodeToString(raw);
  }
}
