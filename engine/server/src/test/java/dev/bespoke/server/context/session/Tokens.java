package dev.bespoke.server.context.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Real keys and real signed tokens for the session tests. */
final class Tokens {

  static final String HS_SECRET = "a-shared-hs256-secret-of-at-least-32-bytes";

  private Tokens() {}

  static KeyPair rsa() {
    return generate("RSA", 2048);
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate(String type, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
      generator.initialize(size);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Claims for customer {@code sub} valid from a minute before {@code now} for an hour. */
  static JwtClaims claims(String sub, Instant now) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject(sub);
    claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond() - 60));
    claims.setNotBefore(NumericDate.fromSeconds(now.getEpochSecond() - 60));
    claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 3600));
    return claims;
  }

  static String sign(JwtClaims claims, String algorithm, Key key) {
    return sign(claims, algorithm, key, Map.of());
  }

  /**
   * Signs without jose4j's own key checks, so tests can also make tokens a verifier must refuse.
   */
  static String sign(JwtClaims claims, String algorithm, Key key, Map<String, String> headers) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jws.setDoKeyValidation(false);
    headers.forEach(jws::setHeader);
    if (key != null) {
      jws.setKey(key);
    }
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}
