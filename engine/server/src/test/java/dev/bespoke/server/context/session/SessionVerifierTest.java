package dev.bespoke.server.context.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bespoke.server.context.Headers;
import dev.bespoke.server.context.testsupport.Configs;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session JWTs with keys generated here: RSA 2048, EC P-256 and an HS256 secret. */
class SessionVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String RS = AlgorithmIdentifiers.RSA_USING_SHA256;
  private static final String ES = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
  private static final String HS = AlgorithmIdentifiers.HMAC_SHA256;

  private static KeyPair rsa;
  private static KeyPair otherRsa;
  private static KeyPair ec;

  @TempDir static Path dir;
  private static Path rsaPem;
  private static Path ecPem;

  @BeforeAll
  static void keys() {
    rsa = Tokens.rsa();
    otherRsa = Tokens.rsa();
    ec = Tokens.ec("secp256r1");
    rsaPem = Tokens.write(dir, "rsa.pem", Tokens.pem(rsa.getPublic()));
    ecPem = Tokens.write(dir, "ec.pem", Tokens.pem(ec.getPublic()));
  }

  @Test
  void validRs256TokenLogsTheCustomerInWithPlainClaims() {
    SessionVerifier verifier =
        verifier(Configs.Jwt.none().withPublicKeyLocation(rsaPem.toString()));
    JwtClaims claims = Tokens.claims("customer-42", NOW);
    claims.setClaim("tier", "gold");
    claims.setClaim("orders", 12);
    claims.setClaim("ltv", 1234.5);
    claims.setClaim("newsletter", true);
    claims.setClaim("address", Map.of("city", "Utrecht"));
    claims.setClaim("roles", List.of("a", "b"));
    claims.setClaim("loggedIn", false);
    claims.setClaim("bio", "x".repeat(500));
    claims.setClaim("we ird", "skipped");
    claims.setJwtId("jti-1");

    Customer customer = verifier.verify(Tokens.sign(claims, RS, rsa.getPrivate())).orElseThrow();

    assertThat(customer.id()).isEqualTo("customer-42");
    assertThat(customer.claims())
        .containsOnlyKeys("sub", "tier", "orders", "ltv", "newsletter")
        .containsEntry("tier", "gold")
        .containsEntry("orders", 12L)
        .containsEntry("ltv", 1234.5)
        .containsEntry("newsletter", true);
    Map<String, Object> attributes = new HashMap<>();
    customer.addTo(attributes);
    assertThat(attributes)
        .containsEntry("customer.loggedIn", true)
        .containsEntry("customer.tier", "gold")
        .containsEntry("customer.sub", "customer-42")
        .doesNotContainKeys("customer.exp", "customer.iat", "customer.nbf", "customer.jti");
  }

  @Test
  void validEs256AndHs256Tokens() {
    SessionVerifier es = verifier(Configs.Jwt.none().withPublicKeyLocation(ecPem.toString()));
    assertThat(es.verify(Tokens.sign(Tokens.claims("c-es", NOW), ES, ec.getPrivate()))).isPresent();

    SessionVerifier hs = verifier(Configs.Jwt.none().withSecret(Tokens.HS_SECRET));
    assertThat(hs.verify(Tokens.sign(Tokens.claims("c-hs", NOW), HS, hmac(Tokens.HS_SECRET))))
        .map(Customer::id)
        .contains("c-hs");
    assertThat(hs.verify(Tokens.sign(Tokens.claims("c-hs", NOW), HS, hmac(Tokens.HS_SECRET + "!"))))
        .isEmpty();
  }

  @Test
  void expiryAndNotBeforeAllowThirtySecondsOfSkewAndNoMore() {
    SessionVerifier verifier =
        verifier(Configs.Jwt.none().withPublicKeyLocation(rsaPem.toString()));
    JwtClaims justExpired = Tokens.claims("c", NOW);
    justExpired.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() - 20));
    JwtClaims expired = Tokens.claims("c", NOW);
    expired.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() - 60));
    JwtClaims almostValid = Tokens.claims("c", NOW);
    almostValid.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() + 20));
    JwtClaims future = Tokens.claims("c", NOW);
    future.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() + 300));
    JwtClaims noExpiry = Tokens.claims("c", NOW);
    noExpiry.unsetClaim("exp");
    JwtClaims noSubject = Tokens.claims("c", NOW);
    noSubject.unsetClaim("sub");

    assertThat(verifier.verify(Tokens.sign(justExpired, RS, rsa.getPrivate()))).isPresent();
    assertThat(verifier.verify(Tokens.sign(expired, RS, rsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(almostValid, RS, rsa.getPrivate()))).isPresent();
    assertThat(verifier.verify(Tokens.sign(future, RS, rsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(noExpiry, RS, rsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(noSubject, RS, rsa.getPrivate()))).isEmpty();
  }

  @Test
  void issuerAndAudienceAreEnforcedWhenConfigured() {
    SessionVerifier verifier =
        verifier(
            Configs.Jwt.none()
                .withPublicKeyLocation(rsaPem.toString())
                .withIssuer("https://shop.example")
                .withAudience("bespoke"));
    JwtClaims good = Tokens.claims("c", NOW);
    good.setIssuer("https://shop.example");
    good.setAudience("bespoke");
    JwtClaims wrongIssuer = Tokens.claims("c", NOW);
    wrongIssuer.setIssuer("https://evil.example");
    wrongIssuer.setAudience("bespoke");
    JwtClaims noIssuer = Tokens.claims("c", NOW);
    noIssuer.setAudience("bespoke");
    JwtClaims wrongAudience = Tokens.claims("c", NOW);
    wrongAudience.setIssuer("https://shop.example");
    wrongAudience.setAudience("another-service");

    assertThat(verifier.verify(Tokens.sign(good, RS, rsa.getPrivate()))).isPresent();
    assertThat(verifier.verify(Tokens.sign(wrongIssuer, RS, rsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(noIssuer, RS, rsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(wrongAudience, RS, rsa.getPrivate()))).isEmpty();
  }

  @Test
  void algNoneIsRefused() {
    SessionVerifier verifier =
        verifier(
            Configs.Jwt.none()
                .withSecret(Tokens.HS_SECRET)
                .withPublicKeyLocation(rsaPem.toString()));
    String unsigned = Tokens.sign(Tokens.claims("admin", NOW), "none", null);
    assertThat(unsigned).endsWith(".");
    assertThat(verifier.verify(unsigned)).isEmpty();
  }

  @Test
  void hs256SignedWithThePublicKeyIsRefused() throws Exception {
    // The classic confusion attack: sign HS256 using the RSA public key's bytes as the secret.
    SessionVerifier verifier =
        verifier(Configs.Jwt.none().withPublicKeyLocation(rsaPem.toString()));
    byte[] pemBytes = Files.readAllBytes(rsaPem);
    byte[] derBytes = rsa.getPublic().getEncoded();
    JwtClaims claims = Tokens.claims("admin", NOW);
    assertThat(verifier.verify(Tokens.sign(claims, HS, new HmacKey(pemBytes)))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(claims, HS, new HmacKey(derBytes)))).isEmpty();

    // Also with an HS256 secret configured next to the RSA key: the secret, never the key,
    // verifies.
    SessionVerifier both =
        verifier(
            Configs.Jwt.none()
                .withSecret(Tokens.HS_SECRET)
                .withPublicKeyLocation(rsaPem.toString()));
    assertThat(both.verify(Tokens.sign(claims, HS, new HmacKey(pemBytes)))).isEmpty();
    assertThat(both.verify(Tokens.sign(claims, RS, rsa.getPrivate()))).isPresent();
    assertThat(both.verify(Tokens.sign(claims, HS, hmac(Tokens.HS_SECRET)))).isPresent();
  }

  @Test
  void anotherRsaKeyOrAnotherAlgorithmIsRefused() {
    SessionVerifier verifier =
        verifier(Configs.Jwt.none().withPublicKeyLocation(rsaPem.toString()));
    JwtClaims claims = Tokens.claims("c", NOW);
    assertThat(verifier.verify(Tokens.sign(claims, RS, otherRsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(claims, "RS512", rsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(claims, "PS256", rsa.getPrivate()))).isEmpty();
    assertThat(verifier.verify(Tokens.sign(claims, ES, ec.getPrivate()))).isEmpty();
  }

  @Test
  void kidIsNeverAPath() throws Exception {
    // A forger hopes the server reads the key from the file the kid names and signs with its bytes.
    Path target = Tokens.write(dir, "public-file.txt", "predictable content of a readable file!!");
    String traversal = "../../../../../../" + target;
    SessionVerifier verifier = verifier(Configs.Jwt.none().withSecret(Tokens.HS_SECRET));
    String forged =
        Tokens.sign(
            Tokens.claims("admin", NOW),
            HS,
            new HmacKey(Files.readAllBytes(target)),
            Map.of("kid", traversal));
    assertThat(verifier.verify(forged)).isEmpty();

    // With a JWKS the kid picks a configured key and nothing else: an unknown kid finds none.
    Path jwks = Tokens.write(dir, "kid.json", jwks(List.of(rsaJwk(rsa, "key-1"))));
    SessionVerifier withJwks = verifier(Configs.Jwt.none().withPublicKeyLocation(jwks.toString()));
    String wrongKid =
        Tokens.sign(Tokens.claims("c", NOW), RS, rsa.getPrivate(), Map.of("kid", traversal));
    assertThat(withJwks.verify(wrongKid)).isEmpty();
    String rightKid =
        Tokens.sign(Tokens.claims("c", NOW), RS, rsa.getPrivate(), Map.of("kid", "key-1"));
    assertThat(withJwks.verify(rightKid)).isPresent();
  }

  @Test
  void jkuAndX5uHeadersAreIgnored() {
    SessionVerifier verifier =
        verifier(Configs.Jwt.none().withPublicKeyLocation(rsaPem.toString()));
    String forged =
        Tokens.sign(
            Tokens.claims("admin", NOW),
            RS,
            otherRsa.getPrivate(),
            Map.of("jku", "https://evil.example/jwks.json", "x5u", "https://evil.example/cert"));
    assertThat(verifier.verify(forged)).isEmpty();
  }

  @Test
  void hugeAndMalformedTokensAreRefusedWithoutParsing() {
    SessionVerifier verifier = verifier(Configs.Jwt.none().withSecret(Tokens.HS_SECRET));
    JwtClaims claims = Tokens.claims("c", NOW);
    claims.setClaim("padding", "p".repeat(100 * 1024));
    String huge = Tokens.sign(claims, HS, hmac(Tokens.HS_SECRET));
    assertThat(huge.length()).isGreaterThan(100 * 1024);
    long start = System.nanoTime();
    assertThat(verifier.verify(huge)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));
    for (String junk :
        new String[] {
          null, "", "a.b", "a.b.c.d.e", "not a token", "eyJ.eyJ.sig!", "...", "a.b.c\n"
        }) {
      assertThat(verifier.verify(junk)).isEmpty();
    }
    assertThat(SessionVerifier.looksLikeJws("x".repeat(SessionVerifier.MAX_TOKEN_LENGTH + 1)))
        .isFalse();
  }

  @Test
  void readsBearerFirstThenTheConfiguredCookie() {
    SessionVerifier verifier =
        verifier(Configs.session(Configs.Jwt.none().withSecret(Tokens.HS_SECRET), "shop_session"));
    String alice = Tokens.sign(Tokens.claims("alice", NOW), HS, hmac(Tokens.HS_SECRET));
    String bob = Tokens.sign(Tokens.claims("bob", NOW), HS, hmac(Tokens.HS_SECRET));

    assertThat(verifier.resolve(Headers.of("authorization", "bearer " + alice), Map.of()))
        .map(Customer::id)
        .contains("alice");
    assertThat(
            verifier.resolve(
                Headers.of("Authorization", "Bearer " + alice), Map.of("shop_session", bob)))
        .map(Customer::id)
        .contains("alice");
    assertThat(
            verifier.resolve(
                Headers.of("Authorization", "Bearer forged.token.here"),
                Map.of("shop_session", bob)))
        .map(Customer::id)
        .contains("bob");
    assertThat(verifier.resolve(Headers.of("Authorization", "Basic YTpi"), Map.of())).isEmpty();
    assertThat(verifier.resolve(Headers.NONE, Map.of("other", bob))).isEmpty();
  }

  @Test
  void withoutKeysNobodyIsLoggedIn() {
    SessionVerifier verifier = verifier(Configs.Jwt.none());
    assertThat(verifier.isConfigured()).isFalse();
    String token = Tokens.sign(Tokens.claims("c", NOW), HS, hmac(Tokens.HS_SECRET));
    assertThat(verifier.resolve(Headers.of("Authorization", "Bearer " + token), Map.of()))
        .isEmpty();
  }

  @Test
  void jwksFileWithSeveralKeys() {
    KeyPair second = Tokens.rsa();
    Path jwks =
        Tokens.write(
            dir,
            "jwks.json",
            jwks(List.of(rsaJwk(rsa, "old"), rsaJwk(second, "new"), ecJwk(ec, "ec-1"))));
    SessionVerifier verifier = verifier(Configs.Jwt.none().withPublicKeyLocation(jwks.toString()));
    JwtClaims claims = Tokens.claims("c", NOW);
    assertThat(verifier.verify(Tokens.sign(claims, RS, second.getPrivate(), Map.of("kid", "new"))))
        .isPresent();
    assertThat(verifier.verify(Tokens.sign(claims, RS, rsa.getPrivate(), Map.of("kid", "old"))))
        .isPresent();
    assertThat(verifier.verify(Tokens.sign(claims, RS, rsa.getPrivate(), Map.of("kid", "new"))))
        .isEmpty();
    assertThat(verifier.verify(Tokens.sign(claims, ES, ec.getPrivate(), Map.of("kid", "ec-1"))))
        .isPresent();
    // Without a kid the matching key is found by its signature.
    assertThat(verifier.verify(Tokens.sign(claims, RS, second.getPrivate()))).isPresent();
  }

  @Test
  void jwksUrlIsFetchedAtStartAndRefreshed() throws Exception {
    AtomicReference<String> served = new AtomicReference<>(jwks(List.of(rsaJwk(rsa, "k1"))));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
      SessionVerifier verifier = verifier(Configs.Jwt.none().withPublicKeyLocation(url));
      JwtClaims claims = Tokens.claims("c", NOW);
      assertThat(verifier.verify(Tokens.sign(claims, RS, rsa.getPrivate(), Map.of("kid", "k1"))))
          .isPresent();

      KeyPair rotated = Tokens.rsa();
      served.set(jwks(List.of(rsaJwk(rotated, "k2"))));
      verifier.refresh();
      assertThat(
              verifier.verify(Tokens.sign(claims, RS, rotated.getPrivate(), Map.of("kid", "k2"))))
          .isPresent();
      assertThat(verifier.verify(Tokens.sign(claims, RS, rsa.getPrivate(), Map.of("kid", "k1"))))
          .isEmpty();

      served.set("{not json");
      verifier.refresh();
      assertThat(
              verifier.verify(Tokens.sign(claims, RS, rotated.getPrivate(), Map.of("kid", "k2"))))
          .as("a failed refresh keeps the keys in use")
          .isPresent();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void unreachableJwksUrlLeavesEveryoneAnonymousWithoutStoppingStartUp() {
    SessionVerifier verifier =
        verifier(Configs.Jwt.none().withPublicKeyLocation("http://127.0.0.1:9/jwks.json"));
    assertThat(verifier.isConfigured()).isFalse();
  }

  @Test
  void plainHttpJwksIsRefusedOutsideLoopback() {
    KeyLocation location = new KeyLocation("http://idp.example/jwks.json");
    assertThatThrownBy(location::read).hasMessageContaining("https");
  }

  @Test
  void badConfigurationStopsStartUpWithAClearMessage() {
    assertThatThrownBy(() -> verifier(Configs.Jwt.none().withSecret("short")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(
            () ->
                verifier(
                    Configs.Jwt.none().withPublicKeyLocation(dir.resolve("nope.pem").toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("public-key-location");
    Path p384 = Tokens.write(dir, "p384.pem", Tokens.pem(Tokens.ec("secp384r1").getPublic()));
    assertThatThrownBy(() -> verifier(Configs.Jwt.none().withPublicKeyLocation(p384.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("P-256");
    Path privateKey =
        Tokens.write(
            dir,
            "private.pem",
            "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(rsa.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(
            () -> verifier(Configs.Jwt.none().withPublicKeyLocation(privateKey.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never a private key");
  }

  private static SessionVerifier verifier(Configs.Jwt jwt) {
    return verifier(Configs.session(jwt, null));
  }

  private static SessionVerifier verifier(Configs.Session config) {
    SessionVerifier verifier = new SessionVerifier(config, CLOCK);
    verifier.load();
    return verifier;
  }

  private static HmacKey hmac(String secret) {
    return new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonWebKey rsaJwk(KeyPair pair, String kid) {
    try {
      PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
      jwk.setKeyId(kid);
      return jwk;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonWebKey ecJwk(KeyPair pair, String kid) {
    return rsaJwk(pair, kid);
  }

  private static String jwks(List<JsonWebKey> keys) {
    return new JsonWebKeySet(keys).toJson();
  }
}
