package dev.bespoke.server.context.visitor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies opaque tokens {@code <payload>.<mac>} for one purpose.
 *
 * <p>The MAC is HMAC-SHA256 truncated to 16 bytes (128 bits: forging one takes 2^128 tries) and
 * written in unpadded base64url. Each purpose signs with its own key, derived from the master key
 * as {@code HMAC-SHA256(master, "bespoke-signer-v1:" + purpose)}, so a token made for one purpose
 * (a visitor id) can never verify as another (a decision id), even with the same payload.
 * Comparison is constant-time, and over-long tokens are refused before any hashing.
 *
 * <p>Immutable and thread-safe.
 */
public final class Signer {

  /** Bytes of HMAC-SHA256 kept: 16, i.e. 22 base64url characters. */
  public static final int MAC_BYTES = 16;

  static final int MAC_CHARS = 22;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final String purpose;
  private final SecretKeySpec key;
  private final int maxTokenLength;

  /**
   * One initialised {@link Mac} per thread: looking the algorithm up and keying it cost more than
   * the MAC itself, several times per delivery request. A Mac resets itself after doFinal.
   */
  private final ThreadLocal<Mac> macs;

  private Signer(String purpose, byte[] derivedKey, int maxTokenLength) {
    this.purpose = purpose;
    this.key = new SecretKeySpec(derivedKey, ALGORITHM);
    this.maxTokenLength = maxTokenLength;
    this.macs = ThreadLocal.withInitial(() -> keyed(key));
  }

  /**
   * A signer for {@code purpose} (lower-case letters, digits, hyphens) under {@code masterKey}.
   *
   * @param maxTokenLength tokens longer than this are refused unread
   */
  public static Signer create(byte[] masterKey, String purpose, int maxTokenLength) {
    Objects.requireNonNull(masterKey, "masterKey");
    if (masterKey.length < 32) {
      throw new IllegalArgumentException("the signing key must be at least 32 bytes");
    }
    if (!PURPOSE.matcher(purpose).matches()) {
      throw new IllegalArgumentException("purpose must match " + PURPOSE + ": " + purpose);
    }
    byte[] derived = hmac(new SecretKeySpec(masterKey, ALGORITHM), "bespoke-signer-v1:" + purpose);
    return new Signer(purpose, derived, maxTokenLength);
  }

  public String purpose() {
    return purpose;
  }

  /** {@code payload + "." + mac}. The payload may contain dots; the MAC is after the last one. */
  public String sign(String payload) {
    if (payload.length() + 1 + MAC_CHARS > maxTokenLength) {
      throw new IllegalArgumentException("payload too long to sign for " + purpose);
    }
    return payload + "." + mac(payload);
  }

  /** The payload of {@code token} if its MAC is ours; empty for anything else, never throws. */
  public Optional<String> verify(String token) {
    if (token == null || token.length() > maxTokenLength) {
      return Optional.empty();
    }
    int dot = token.lastIndexOf('.');
    if (dot < 0 || token.length() - dot - 1 != MAC_CHARS) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    byte[] expected = mac(payload).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given) ? Optional.of(payload) : Optional.empty();
  }

  private String mac(String payload) {
    byte[] full = macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8));
    return ENCODER.encodeToString(Arrays.copyOf(full, MAC_BYTES));
  }

  private static byte[] hmac(SecretKeySpec key, String data) {
    return keyed(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static Mac keyed(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "Signer[" + purpose + "]";
  }
}
