package dev.bespoke.server.security;

import dev.bespoke.ui.support.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and reads the console's session mark: {@code user.signedInAtMillis.sessionId.mac}, the
 * user name base64url-encoded, signed with HMAC-SHA256 under a key derived from {@code
 * bespoke.console.csrf-secret} (its own key, so a CSRF token can never pass for a mark). The mark
 * says when a sign-in happened and names it, which Quarkus's session cookie does not: that cookie
 * is re-encrypted every minute and carries only the user and an expiry.
 */
@ApplicationScoped
public class ConsoleSessionMarks {

  /** A verified mark. */
  public record Mark(String user, Instant signedInAt, String sessionId) {}

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();
  private static final String PURPOSE = "bespoke console session mark v1";

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  public ConsoleSessionMarks(ConsoleConfig config) {
    byte[] secret =
        config
            .csrfSecret()
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .orElseGet(() -> randomBytes(32));
    this.key =
        new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), PURPOSE), "HmacSHA256");
  }

  /** A new mark for a sign-in happening now, with a fresh random session id. */
  public String issue(String user, Instant now) {
    String body =
        B64.encodeToString(user.getBytes(StandardCharsets.UTF_8))
            + "."
            + now.toEpochMilli()
            + "."
            + B64.encodeToString(randomBytes(18));
    return body + "." + B64.encodeToString(hmac(key, body));
  }

  /** The mark in a cookie value, if it is well formed and its signature is ours. */
  public Optional<Mark> read(String value) {
    if (value == null || value.length() > 512) {
      return Optional.empty();
    }
    int lastDot = value.lastIndexOf('.');
    if (lastDot < 0) {
      return Optional.empty();
    }
    String body = value.substring(0, lastDot);
    byte[] expected = B64.encodeToString(hmac(key, body)).getBytes(StandardCharsets.US_ASCII);
    byte[] given = value.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Optional.empty();
    }
    String[] parts = body.split("\\.", -1);
    if (parts.length != 3 || parts[2].isEmpty()) {
      return Optional.empty();
    }
    try {
      String user = new String(B64_IN.decode(parts[0]), StandardCharsets.UTF_8);
      Instant signedInAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      return Optional.of(new Mark(user, signedInAt, parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] hmac(SecretKeySpec key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }
}
