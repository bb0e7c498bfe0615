package dev.bespoke.server.context.session;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The configured verification keys, each bound to the one algorithm its type allows: an HMAC secret
 * to HS256, an RSA key to RS256, a P-256 key to ES256.
 *
 * <p>Binding the algorithm to the key is what defeats algorithm confusion: a token saying {@code
 * HS256} is only ever checked against the configured secret, never against the bytes of a public
 * key, and {@code none} matches no key at all. The token's {@code kid} only chooses among these
 * keys; it is never used as a path, URL or anything else ({@code jku}, {@code x5u} and {@code jwk}
 * headers are ignored).
 */
final class SessionKeys {

  /** One key, its {@code kid} (null for PEM keys and secrets) and the algorithm it verifies. */
  record Entry(String kid, String algorithm, Key key) {}

  static final SessionKeys NONE = new SessionKeys(List.of());

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private final List<Entry> entries;

  SessionKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Keys from an HS256 secret and/or the text of a PEM file or JWKS; throws when unusable. */
  static SessionKeys of(String secret, String publicKeys) {
    List<Entry> entries = new ArrayList<>();
    if (secret != null) {
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalArgumentException(
            "bespoke.session.jwt.secret must be at least 32 bytes for HS256");
      }
      entries.add(new Entry(null, AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(bytes)));
    }
    if (publicKeys != null) {
      entries.addAll(parsePublic(publicKeys));
    }
    return new SessionKeys(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The algorithms tokens may use: exactly those of the configured keys. */
  String[] algorithms() {
    Set<String> algorithms = new LinkedHashSet<>();
    entries.forEach(e -> algorithms.add(e.algorithm()));
    return algorithms.toArray(String[]::new);
  }

  /**
   * The key for {@code jws}: same algorithm; when the token names a {@code kid}, a key with that id
   * or one without any; when several remain, the one whose signature checks out.
   */
  Key select(JsonWebSignature jws) throws UnresolvableKeyException {
    String algorithm = jws.getAlgorithmHeaderValue();
    String kid = jws.getKeyIdHeaderValue();
    List<Entry> candidates = new ArrayList<>();
    for (Entry e : entries) {
      if (e.algorithm().equals(algorithm)
          && (kid == null || e.kid() == null || e.kid().equals(kid))) {
        candidates.add(e);
      }
    }
    if (candidates.isEmpty()) {
      throw new UnresolvableKeyException("no configured key for this token");
    }
    if (candidates.size() > 1) {
      for (Entry e : candidates) {
        if (verifies(jws, e.key())) {
          return e.key();
        }
      }
    }
    return candidates.get(0).key();
  }

  private static boolean verifies(JsonWebSignature jws, Key key) {
    try {
      jws.setKey(key);
      return jws.verifySignature();
    } catch (JoseException e) {
      return false;
    }
  }

  static List<Entry> parsePublic(String text) {
    String trimmed = text.strip();
    List<Entry> keys = trimmed.startsWith("{") ? fromJwks(trimmed) : fromPem(trimmed);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no RS256 or ES256 public key found");
    }
    return keys;
  }

  private static List<Entry> fromPem(String text) {
    List<Entry> keys = new ArrayList<>();
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      PublicKey key =
          switch (m.group(1)) {
            case "PUBLIC KEY" -> publicKey(der);
            case "CERTIFICATE" -> certificateKey(der);
            default ->
                throw new IllegalArgumentException(
                    "unsupported PEM block "
                        + m.group(1)
                        + " (use PUBLIC KEY or CERTIFICATE; never a private key)");
          };
      keys.add(new Entry(null, algorithmOf(key), key));
    }
    return keys;
  }

  private static List<Entry> fromJwks(String json) {
    List<JsonWebKey> jwks;
    try {
      jwks =
          json.contains("\"keys\"")
              ? new JsonWebKeySet(json).getJsonWebKeys()
              : List.of(JsonWebKey.Factory.newJwk(json));
    } catch (JoseException e) {
      throw new IllegalArgumentException("unreadable JWKS: " + e.getMessage(), e);
    }
    List<Entry> keys = new ArrayList<>();
    for (JsonWebKey jwk : jwks) {
      boolean signing = jwk.getUse() == null || "sig".equals(jwk.getUse());
      if (signing && (jwk instanceof RsaJsonWebKey || jwk instanceof EllipticCurveJsonWebKey)) {
        PublicKey key = (PublicKey) jwk.getKey();
        String algorithm = algorithmOf(key);
        // A key that names another algorithm than its type allows is not ours to reinterpret.
        if (jwk.getAlgorithm() == null || jwk.getAlgorithm().equals(algorithm)) {
          keys.add(new Entry(jwk.getKeyId(), algorithm, key));
        }
      }
    }
    return keys;
  }

  private static String algorithmOf(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return AlgorithmIdentifiers.RSA_USING_SHA256;
    }
    if (key instanceof ECPublicKey ec
        && EllipticCurves.P_256.equals(EllipticCurves.getName(ec.getParams().getCurve()))) {
      return AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
    }
    throw new IllegalArgumentException(
        "unsupported key " + key.getAlgorithm() + " (use RSA for RS256 or EC P-256 for ES256)");
  }

  private static PublicKey publicKey(byte[] der) {
    for (String type : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next type
      }
    }
    throw new IllegalArgumentException("the PUBLIC KEY block is neither RSA nor EC");
  }

  private static PublicKey certificateKey(byte[] der) {
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der))
          .getPublicKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unreadable CERTIFICATE block", e);
    }
  }
}
