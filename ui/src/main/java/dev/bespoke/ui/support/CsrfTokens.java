package dev.bespoke.ui.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-session CSRF tokens without server-side state. A random session value lives in an HttpOnly,
 * SameSite=Strict cookie issued with the sign-in form; the token in every form is an HMAC of that
 * value and the user's name. A forged cross-site form cannot read the cookie, so it cannot compute
 * the token, and a token taken from one session or user is useless in another.
 */
@ApplicationScoped
public class CsrfTokens {

  public static final String COOKIE = "bespoke_console_csrf";
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  public CsrfTokens(ConsoleConfig config) {
    byte[] secret =
        config
            .csrfSecret()
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .orElseGet(() -> randomBytes(32));
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** A fresh session value: issued with the sign-in page, so every sign-in starts a new one. */
  public String newSessionValue() {
    return B64.encodeToString(randomBytes(32));
  }

  public String tokenFor(String sessionValue, String user) {
    if (sessionValue == null || sessionValue.isBlank() || user == null) {
      return "";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(
          mac.doFinal((sessionValue + "\n" + user).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  public boolean verify(String sessionValue, String user, String token) {
    String expected = tokenFor(sessionValue, user);
    if (expected.isEmpty() || token == null || token.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
  }

  public NewCookie cookie(String value, boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value(value)
        .path("/console")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }
}
