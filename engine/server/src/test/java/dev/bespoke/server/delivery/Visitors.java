package dev.bespoke.server.delivery;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Requests as a page or app would send them, for delivery scenarios. */
final class Visitors {

  static final String TABLET_UA =
      "Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
          + " Version/17.2 Mobile/15E148 Safari/604.1";
  static final String DESKTOP_UA =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Safari/537.36";

  /** The HS256 secret and issuer the test profile trusts for session JWTs. */
  static final String JWT_SECRET = "test-only-session-secret-0123456789abcdef";

  static final String JWT_ISSUER = "https://shop.example";

  private Visitors() {}

  static Response decide(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .header("User-Agent", DESKTOP_UA)
        .body(body)
        .post("/api/v1/decisions");
  }

  static Map<String, Object> request(String channel, List<String> slots) {
    return new java.util.HashMap<>(Map.of("space", "default", "channel", channel, "slots", slots));
  }

  static void pageviews(String visitorId, String category, int count) {
    List<Map<String, Object>> events =
        java.util.stream.IntStream.range(0, count)
            .<Map<String, Object>>mapToObj(
                i ->
                    Map.of(
                        "type",
                        "pageview",
                        "page",
                        Map.of("url", "https://shop.example/" + category + "/" + i),
                        "properties",
                        Map.of("category", category)))
            .toList();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("space", "default", "visitorId", visitorId, "events", events))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
  }

  static String jwt(String subject, Map<String, Object> claims, String secret) {
    JwtClaims body = new JwtClaims();
    body.setSubject(subject);
    body.setIssuer(JWT_ISSUER);
    body.setIssuedAtToNow();
    body.setExpirationTimeMinutesInTheFuture(10);
    claims.forEach(body::setClaim);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(body.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}
