package dev.bespoke.cms.connector.generic;

import dev.bespoke.cms.connector.Signatures;
import dev.bespoke.cms.connector.WebhookRequest;
import dev.bespoke.cms.connector.WebhookUnauthorizedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code X-Bespoke-Signature: t=<Unix seconds>,v1=<hex HMAC-SHA256>} over {@code <t>.<body>}. The
 * timestamp is inside the signed bytes, so an old request cannot be re-sent with a fresh time.
 */
public final class GenericSignature {

  public static final String DEFAULT_HEADER = "X-Bespoke-Signature";

  private GenericSignature() {}

  public static void verify(
      WebhookRequest request, String header, String secret, Duration ttl, Instant now) {
    String value =
        request
            .header(header)
            .orElseThrow(() -> new WebhookUnauthorizedException("no " + header + " header"));
    String timestamp = null;
    String signature = null;
    for (String part : value.split(",")) {
      String p = part.strip();
      if (p.startsWith("t=")) {
        timestamp = p.substring(2);
      } else if (p.startsWith("v1=")) {
        signature = p.substring(3);
      }
    }
    if (timestamp == null || signature == null) {
      throw new WebhookUnauthorizedException(header + " must be t=<seconds>,v1=<hex signature>");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new WebhookUnauthorizedException(header + " t= must be Unix time in seconds");
    }
    if (Math.abs(now.getEpochSecond() - seconds) > ttl.toSeconds()) {
      throw new WebhookUnauthorizedException(
          "the request is outside the signature's time to live (" + ttl.toSeconds() + " s)");
    }
    String expected = Signatures.hmacSha256Hex(secret, signedBytes(timestamp, request.body()));
    if (!Signatures.constantTimeEquals(signature.toLowerCase(java.util.Locale.ROOT), expected)) {
      throw new WebhookUnauthorizedException("the signature does not match the request");
    }
  }

  /** What the sender signs: the timestamp text, a dot, the exact body bytes. */
  public static byte[] signedBytes(String timestamp, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
