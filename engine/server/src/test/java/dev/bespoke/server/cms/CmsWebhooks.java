package dev.bespoke.server.cms;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends webhooks the way the CMSes do, signed here independently of the server's verifier (a shared
 * helper would let a bug in the canonical form pass both sides). Public for the reliability
 * catalogue's authorisation and privacy tests.
 */
public final class CmsWebhooks {

  public static final String CONTENTFUL_SECRET = "contentful-signing-secret-0123456789abcdef";
  public static final String STRAPI_TOKEN = "strapi-webhook-token-0123456789";
  public static final String GENERIC_SECRET = "generic-hmac-secret-0123456789abcdef";
  public static final String CONTENTFUL_TYPE = "application/vnd.contentful.management.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CmsWebhooks() {}

  /** A new space with one web slot; returns {space, slot}. */
  public static String[] spaceWithSlot() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.create(Api.slots(space), Samples.slot("hero"));
    return new String[] {space, slot};
  }

  public static String cms(String space, String connector) {
    return Api.space(space) + "/cms/" + connector;
  }

  public static void configure(String space, String connector, Map<String, Object> settings) {
    as(ADMIN).body(settings).put(cms(space, connector)).then().statusCode(200);
  }

  public static ObjectNode payload(String resource) {
    try (InputStream in = CmsWebhooks.class.getResourceAsStream("/cms/" + resource)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(Object json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] resourceBytes(String resource) {
    try (InputStream in = CmsWebhooks.class.getResourceAsStream("/cms/" + resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String hmac(String secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Contentful delivery as Contentful signs it. */
  public static Response contentful(String space, String topic, byte[] body) {
    return contentful(space, topic, body, CONTENTFUL_SECRET, System.currentTimeMillis(), body);
  }

  /**
   * @param signedBody the body the signature is computed over; {@code sentBody} is what goes on the
   *     wire (they differ to test tampering)
   */
  public static Response contentful(
      String space,
      String topic,
      byte[] sentBody,
      String secret,
      long timestamp,
      byte[] signedBody) {
    String path = "/cms/contentful/" + space + "/webhook";
    String signedHeaders = "x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic";
    String canonical =
        "POST\n"
            + path
            + "\n"
            + "x-contentful-signed-headers:"
            + signedHeaders
            + ";x-contentful-timestamp:"
            + timestamp
            + ";x-contentful-topic:"
            + topic
            + "\n";
    byte[] head = canonical.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[head.length + signedBody.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(signedBody, 0, message, head.length, signedBody.length);
    return raw(CONTENTFUL_TYPE)
        .header("X-Contentful-Topic", topic)
        .header("X-Contentful-Timestamp", Long.toString(timestamp))
        .header("X-Contentful-Signed-Headers", signedHeaders)
        .header("X-Contentful-Signature", hmac(secret, message))
        .body(sentBody)
        .post(path);
  }

  public static Response strapi(String space, String token, byte[] body) {
    RequestSpecification request = raw("application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.body(body).post("/cms/strapi/" + space + "/webhook");
  }

  public static Response generic(String space, String secret, long epochSeconds, byte[] body) {
    String t = Long.toString(epochSeconds);
    byte[] dot = (t + ".").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[dot.length + body.length];
    System.arraycopy(dot, 0, message, 0, dot.length);
    System.arraycopy(body, 0, message, dot.length, body.length);
    return raw("application/json")
        .header("X-Bespoke-Signature", "t=" + t + ",v1=" + hmac(secret, message))
        .body(body)
        .post("/cms/generic/" + space + "/webhook");
  }

  /** Bytes exactly as given: no charset appended to the content type, no re-encoding. */
  public static RequestSpecification raw(String contentType) {
    return given()
        .config(
            RestAssured.config()
                .encoderConfig(
                    encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
        .contentType(contentType);
  }

  public static List<Map<String, Object>> variants(String space, String slot) {
    return Fixtures.get(Api.variants(space, slot) + "?size=100").getList("items");
  }

  public static JsonPath variant(String space, String slot, String key) {
    return Fixtures.get(Api.variants(space, slot) + "/" + key);
  }
}
