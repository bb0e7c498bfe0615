package dev.bespoke.cms.connector.contentful;

import dev.bespoke.cms.connector.Signatures;
import dev.bespoke.cms.connector.WebhookRequest;
import dev.bespoke.cms.connector.WebhookUnauthorizedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Contentful's request verification. The signature is the hex HMAC-SHA256, under the space's
 * signing secret, of the canonical request: method, path with query, the signed headers as {@code
 * name:value} joined by {@code ;} in the order {@code x-contentful-signed-headers} lists them, and
 * the body, separated by newlines. The signed headers must include the timestamp, which must be
 * within the TTL of now, so a captured request cannot be replayed later.
 */
public final class ContentfulVerifier {

  static final String SIGNATURE = "x-contentful-signature";
  static final String SIGNED_HEADERS = "x-contentful-signed-headers";
  static final String TIMESTAMP = "x-contentful-timestamp";

  private ContentfulVerifier() {}

  public static void verify(WebhookRequest request, String secret, Duration ttl, Instant now) {
    String signature =
        request.header(SIGNATURE).orElseThrow(() -> unauthorized("no " + SIGNATURE + " header"));
    String signedList =
        request
            .header(SIGNED_HEADERS)
            .orElseThrow(() -> unauthorized("no " + SIGNED_HEADERS + " header"));
    List<String> signed = new ArrayList<>();
    for (String name : signedList.split(",")) {
      if (!name.isBlank()) {
        signed.add(name.strip().toLowerCase(Locale.ROOT));
      }
    }
    if (!signed.contains(TIMESTAMP) || !signed.contains(SIGNED_HEADERS)) {
      throw unauthorized(SIGNED_HEADERS + " must list " + TIMESTAMP + " and itself");
    }
    String timestamp =
        request.header(TIMESTAMP).orElseThrow(() -> unauthorized("no " + TIMESTAMP + " header"));
    long millis;
    try {
      millis = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw unauthorized(TIMESTAMP + " is not a Unix time in milliseconds");
    }
    long age = now.toEpochMilli() - millis;
    if (Math.abs(age) > ttl.toMillis()) {
      throw unauthorized(
          "the request is outside the signature's time to live ("
              + ttl.toSeconds()
              + " s): check the sender's clock, or it is a replay");
    }
    String expected = Signatures.hmacSha256Hex(secret, canonical(request, signed));
    if (!Signatures.constantTimeEquals(signature.strip().toLowerCase(Locale.ROOT), expected)) {
      throw unauthorized("the signature does not match the request");
    }
  }

  /** The canonical request; also what a test or a relay signs. */
  public static byte[] canonical(WebhookRequest request, List<String> signedHeaders) {
    List<String> pairs = new ArrayList<>();
    for (String name : signedHeaders) {
      String value =
          request
              .header(name)
              .orElseThrow(() -> unauthorized("signed header " + name + " is missing"));
      pairs.add(name + ":" + value.strip());
    }
    String head =
        request.method().toUpperCase(Locale.ROOT)
            + "\n"
            + request.pathAndQuery()
            + "\n"
            + String.join(";", pairs)
            + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(request.body());
    return out.toByteArray();
  }

  private static WebhookUnauthorizedException unauthorized(String why) {
    return new WebhookUnauthorizedException(why);
  }
}
