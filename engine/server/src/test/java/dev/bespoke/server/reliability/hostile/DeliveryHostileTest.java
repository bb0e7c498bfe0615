package dev.bespoke.server.reliability.hostile;

import static dev.bespoke.server.reliability.hostile.Hostile.answered;
import static dev.bespoke.server.reliability.hostile.Hostile.answeredOrClosed;
import static dev.bespoke.server.reliability.hostile.Hostile.okOr;
import static dev.bespoke.server.reliability.hostile.Hostile.only;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Hostile inputs 1–23: the delivery API's query, path, cookies and headers. */
@QuarkusTest
class DeliveryHostileTest {

  private static final String DECISIONS = "/api/v1/decisions";
  private static final String JWT_SECRET = "test-only-session-secret-0123456789abcdef";
  private static final String JWT_ISSUER = "https://shop.example";
  private static final String SCRIPT = "<script>alert(1)</script>";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @TestFactory
  Stream<DynamicTest> queryAndPath() {
    return Stream.of(
        dynamicTest(
            "H01 slot=../../admin",
            () -> {
              answered(get().queryParam("slot", "../../admin").get(DECISIONS), only(400));
              answered(post(body(List.of("../../admin"))), only(400));
              answered(
                  get().urlEncodingEnabled(false).get("/api/v1/slots/..%2F..%2Fadmin/fragment"),
                  only(400, 404));
            }),
        dynamicTest(
            "H02 slot of 10,000 characters",
            () -> {
              String slot = "a".repeat(10_000);
              answered(get().queryParam("slot", slot).get(DECISIONS), only(400, 414), slot);
              answered(post(body(List.of(slot))), only(400), slot);
            }),
        dynamicTest(
            "H03 500 slot parameters",
            () -> {
              List<String> slots =
                  IntStream.range(0, 500).mapToObj(i -> "s" + i).collect(Collectors.toList());
              answered(get().queryParam("slot", slots).get(DECISIONS), only(400, 414));
              answered(post(body(slots)), only(400));
            }),
        dynamicTest(
            "H04 duplicate slot is refused (documented in delivery-api.md)",
            () -> {
              answered(
                  get().queryParam("slot", "home-hero", "home-hero").get(DECISIONS), only(400));
              answered(post(body(List.of("home-hero", "home-hero"))), only(400));
            }),
        dynamicTest(
            "H05 channel=<script> is refused and never echoed",
            () -> {
              Response get =
                  given()
                      .queryParam("channel", SCRIPT)
                      .queryParam("slot", "home-hero")
                      .get(DECISIONS);
              answered(get, only(400), SCRIPT, "<script");
              Map<String, Object> body = body(List.of("home-hero"));
              body.put("channel", SCRIPT);
              answered(post(body), only(400), SCRIPT, "<script");
            }),
        dynamicTest(
            "H06 bad locale and a 5 kB Accept-Language fall back to the default locale",
            () -> {
              Map<String, Object> body = body(List.of("promo-bar"));
              body.put("locale", "xx-XX-@@@@");
              Response bad = post(body);
              answered(bad, okOr(), "@@@@");
              assertThat(bad.jsonPath().getString("decisions[0].variant.key"))
                  .isEqualTo("promo-bar-default");
              String huge =
                  IntStream.range(0, 700)
                      .mapToObj(i -> "nl-N" + (i % 10))
                      .collect(Collectors.joining(","));
              Response big =
                  given()
                      .contentType(ContentType.JSON)
                      .header("Accept-Language", huge)
                      .body(body(List.of("promo-bar")))
                      .post(DECISIONS);
              answered(big, okOr(431));
            }),
        dynamicTest(
            "H07 Accept-Language q=NaN and q=1e309",
            () -> {
              Response r =
                  given()
                      .contentType(ContentType.JSON)
                      .header("Accept-Language", "*;q=NaN,en;q=1e309")
                      .body(body(List.of("promo-bar")))
                      .post(DECISIONS);
              answered(r, okOr(), "NaN", "1e309");
              assertThat(r.jsonPath().getString("decisions[0].variant.key"))
                  .isEqualTo("promo-bar-default");
            }),
        dynamicTest(
            "H08 UTM value with CRLF injects no header",
            () -> {
              Response r =
                  get()
                      .urlEncodingEnabled(false)
                      .queryParam("slot", "home-hero")
                      .queryParam(
                          "page",
                          "https%3A%2F%2Fshop.example%2F%3Futm_source%3Da%250d%250aSet-Cookie:%2520x%3D1")
                      .get(DECISIONS);
              answered(r, okOr());
              assertThat(r.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("x="));
              Map<String, Object> body = body(List.of("home-hero"));
              body.put(
                  "page", Map.of("url", "https://shop.example/?utm_source=a\r\nSet-Cookie: x=1"));
              Response p = post(body);
              answered(p, okOr(400));
              assertThat(p.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("x="));
            }),
        dynamicTest(
            "H09 page path of 64 kB",
            () -> {
              Map<String, Object> body = body(List.of("home-hero"));
              String path = "/p".repeat(32 * 1024);
              body.put("page", Map.of("url", "https://shop.example" + path));
              long started = System.nanoTime();
              answered(post(body), okOr(400), path);
              assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
            }),
        dynamicTest(
            "H10 null byte in a slot key",
            () -> {
              answered(
                  get().urlEncodingEnabled(false).queryParam("slot", "home%00hero").get(DECISIONS),
                  only(400));
              answered(post(body(List.of("home\u0000hero"))), only(400));
            }));
  }

  @TestFactory
  Stream<DynamicTest> cookiesAndHeaders() {
    return Stream.of(
        dynamicTest(
            "H11 visitor cookie with a bad HMAC starts a new visitor",
            () -> {
              String real = newVisitor();
              String forged =
                  real.substring(0, real.length() - 2) + (real.endsWith("A") ? "BB" : "AA");
              Response r =
                  given()
                      .cookie("bespoke_vid", forged)
                      .queryParam("slot", "home-hero")
                      .queryParam("channel", "web")
                      .get(DECISIONS);
              answered(r, okOr(), forged);
              assertThat(r.jsonPath().getString("visitorId"))
                  .isNotEqualTo(forged)
                  .isNotEqualTo(real);
            }),
        dynamicTest(
            "H12 valid cookie of an erased visitor recreates nothing",
            () -> {
              String erased = newVisitor();
              given().cookie("bespoke_vid", erased).delete("/api/v1/me").then().statusCode(204);
              Response r =
                  given()
                      .cookie("bespoke_vid", erased)
                      .queryParam("slot", "home-hero")
                      .queryParam("channel", "web")
                      .get(DECISIONS);
              answered(r, okOr());
              given()
                  .contentType(ContentType.JSON)
                  .cookie("bespoke_vid", erased)
                  .body(Map.of("events", List.of(Map.of("type", "pageview"))))
                  .post("/api/v1/events")
                  .then()
                  .statusCode(202);
              // the tombstone holds: neither the decision nor the events recreated the profile
              given().cookie("bespoke_vid", erased).get("/api/v1/me").then().statusCode(404);
            }),
        dynamicTest(
            "H13 an 8 kB visitor cookie and 200 cookies",
            () -> {
              String big = "v".repeat(8 * 1024);
              answered(
                  given()
                      .cookie("bespoke_vid", big)
                      .queryParam("slot", "home-hero")
                      .queryParam("channel", "web")
                      .get(DECISIONS),
                  okOr(400, 431),
                  big);
              RequestSpecification many =
                  given().queryParam("slot", "home-hero").queryParam("channel", "web");
              for (int i = 0; i < 200; i++) {
                many.cookie("c" + i, "value-" + i);
              }
              answered(many.get(DECISIONS), okOr(400, 431));
            }),
        dynamicTest(
            "H14 bespoke_vid=<script>alert();</script> is ignored and never reflected",
            () -> {
              Response r =
                  given()
                      .cookie("bespoke_vid", "<script>alert();</script>")
                      .queryParam("slot", "home-hero")
                      .queryParam("channel", "web")
                      .get(DECISIONS);
              answered(r, okOr(400), "<script", "alert();");
            }),
        dynamicTest(
            "H15 JWT with alg none is anonymous",
            () -> {
              JwtClaims claims = goldClaims();
              assertThat(appHeader(sign(claims, AlgorithmIdentifiers.NONE, null, Map.of())))
                  .isEqualTo("app-header-default");
              assertThat(
                      appHeader(
                          sign(
                              goldClaims(),
                              AlgorithmIdentifiers.HMAC_SHA256,
                              new HmacKey(JWT_SECRET.getBytes(StandardCharsets.UTF_8)),
                              Map.of())))
                  .as("the same claims signed properly are believed")
                  .isEqualTo("gold-member-header");
            }),
        dynamicTest(
            "H16 JWT signed HS256 with an RSA public key as the secret, or RS256 where only HS256 is"
                + " configured",
            () -> {
              KeyPair rsa = rsa();
              String pem =
                  "-----BEGIN PUBLIC KEY-----\n"
                      + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                      + "\n-----END PUBLIC KEY-----\n";
              assertThat(
                      appHeader(
                          sign(
                              goldClaims(),
                              AlgorithmIdentifiers.HMAC_SHA256,
                              new HmacKey(pem.getBytes(StandardCharsets.UTF_8)),
                              Map.of())))
                  .isEqualTo("app-header-default");
              assertThat(
                      appHeader(
                          sign(
                              goldClaims(),
                              AlgorithmIdentifiers.RSA_USING_SHA256,
                              rsa.getPrivate(),
                              Map.of())))
                  .isEqualTo("app-header-default");
            }),
        dynamicTest(
            "H17 JWT expired, not yet valid, wrong audience or issuer",
            () -> {
              long now = System.currentTimeMillis() / 1000;
              JwtClaims expired = goldClaims();
              expired.setExpirationTime(NumericDate.fromSeconds(now - 3600));
              JwtClaims future = goldClaims();
              future.setNotBefore(NumericDate.fromSeconds(now + 3600));
              JwtClaims issuer = goldClaims();
              issuer.setIssuer("https://evil.example");
              JwtClaims audience = goldClaims();
              audience.setAudience("someone-else");
              for (JwtClaims c : List.of(expired, future, issuer, audience)) {
                assertThat(appHeader(hs(c))).as(c.toJson()).isEqualTo("app-header-default");
              }
            }),
        dynamicTest(
            "H18 JWT whose kid points to a URL or a path",
            () -> {
              for (String kid :
                  List.of("../../dev/null", "http://127.0.0.1:1/jwks.json", "file:///etc/passwd")) {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(goldClaims().toJson());
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
                jws.setKeyIdHeaderValue(kid);
                jws.setHeader("jku", "http://127.0.0.1:1/jwks.json");
                jws.setKey(
                    new HmacKey(
                        "an-attackers-own-secret-0123456789abcdef"
                            .getBytes(StandardCharsets.UTF_8)));
                assertThat(appHeader(jws.getCompactSerialization()))
                    .isEqualTo("app-header-default");
              }
            }),
        dynamicTest(
            "H19 a 100 kB bearer token",
            () -> {
              String token = "a".repeat(100 * 1024);
              answeredOrClosed(
                  () -> mobile().header("Authorization", "Bearer " + token).post(DECISIONS),
                  okOr(401, 431),
                  () -> mobile().post(DECISIONS),
                  token);
            }),
        dynamicTest(
            "H20 a spoofed geo header from an untrusted peer is ignored",
            () -> {
              assertThat(hero("X-Country", "NL")).isNotEqualTo("benelux-welcome");
              assertThat(hero("X-Geo-Country", "NL")).isNotEqualTo("benelux-welcome");
              assertThat(hero("CF-IPCountry", "NL"))
                  .as("the configured edge header is trusted")
                  .isEqualTo("benelux-welcome");
            }),
        dynamicTest(
            "H21 X-Forwarded-For chains change nothing from an untrusted peer",
            () -> {
              Response r =
                  given()
                      .contentType(ContentType.JSON)
                      .header("X-Forwarded-For", "1.1.1.1, 127.0.0.1")
                      .header("Forwarded", "for=1.1.1.1")
                      .body(body(List.of("home-hero")))
                      .post(DECISIONS);
              answered(r, okOr());
              assertThat(r.jsonPath().getString("decisions[0].variant.key"))
                  .isEqualTo("home-hero-default");
            }),
        dynamicTest(
            "H22 User-Agents: 10 kB, control characters, built against the parser",
            () -> {
              List<String> agents = new ArrayList<>();
              agents.add("Mozilla/5.0 " + "x".repeat(10 * 1024));
              agents.add("Mozilla/5.0 (Windows\u0001NT\u0007 10.0)\u007f");
              agents.add("Mozilla/5.0 (" + ";".repeat(5_000));
              for (String ua : agents) {
                long started = System.nanoTime();
                Response r =
                    given()
                        .contentType(ContentType.JSON)
                        .header("User-Agent", ua)
                        .body(body(List.of("home-hero")))
                        .post(DECISIONS);
                answered(r, okOr(400, 431), ua);
                assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
              }
            }),
        dynamicTest(
            "H23 Origin: https://evil.example gets no CORS grant",
            () -> {
              Response r =
                  given()
                      .contentType(ContentType.JSON)
                      .header("Origin", "https://evil.example")
                      .cookie("bespoke_vid", newVisitor())
                      .body(body(List.of("home-hero")))
                      .post(DECISIONS);
              answered(r, okOr(403));
              assertThat(r.header("Access-Control-Allow-Origin")).isNull();
              assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
              Response preflight =
                  given()
                      .header("Origin", "https://evil.example")
                      .header("Access-Control-Request-Method", "POST")
                      .options(DECISIONS);
              assertThat(preflight.statusCode()).isLessThan(500);
              assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            }));
  }

  private static RequestSpecification get() {
    return given().queryParam("channel", "web");
  }

  private static Response post(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post(DECISIONS);
  }

  private static Map<String, Object> body(List<String> slots) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("space", "default");
    body.put("channel", "web");
    body.put("slots", slots);
    return body;
  }

  private static RequestSpecification mobile() {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("channel", "mobile", "slots", List.of("app-home-header")));
  }

  /** A visitor the service issued, with a stored profile. */
  private static String newVisitor() {
    return post(body(List.of("home-hero"))).then().statusCode(200).extract().path("visitorId");
  }

  private static String hero(String header, String value) {
    return given()
        .contentType(ContentType.JSON)
        .header(header, value)
        .header("Accept-Language", "nl-NL")
        .body(body(List.of("home-hero")))
        .post(DECISIONS)
        .then()
        .statusCode(200)
        .extract()
        .path("decisions[0].variant.key");
  }

  /** The app header a bearer token earns: the gold one only if the token is believed. */
  private static String appHeader(String token) {
    Response r = mobile().header("Authorization", "Bearer " + token).post(DECISIONS);
    answered(r, okOr(401));
    return r.statusCode() == 200 ? r.jsonPath().getString("decisions[0].variant.key") : null;
  }

  private static JwtClaims goldClaims() {
    long now = System.currentTimeMillis() / 1000;
    JwtClaims claims = new JwtClaims();
    claims.setSubject("c-hostile-" + now);
    claims.setIssuer(JWT_ISSUER);
    claims.setIssuedAt(NumericDate.fromSeconds(now - 60));
    claims.setExpirationTime(NumericDate.fromSeconds(now + 600));
    claims.setClaim("tier", "gold");
    return claims;
  }

  private static String hs(JwtClaims claims) {
    return sign(
        claims,
        AlgorithmIdentifiers.HMAC_SHA256,
        new HmacKey(JWT_SECRET.getBytes(StandardCharsets.UTF_8)),
        Map.of());
  }

  private static String sign(
      JwtClaims claims, String algorithm, java.security.Key key, Map<String, String> headers) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setAlgorithmHeaderValue(algorithm);
      jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
      jws.setDoKeyValidation(false);
      headers.forEach(jws::setHeader);
      if (key != null) {
        jws.setKey(key);
      }
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }
}
