package dev.bespoke.server.context.visitor;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues and verifies visitor ids: {@code v1.<22 base64url chars of 128 random bits>.<MAC>}.
 *
 * <p>Only ids Bespoke signed are believed, so a caller cannot take over someone else's profile by
 * naming their id. The random part is 128 bits from {@link SecureRandom}: ids are not guessable and
 * collide with negligible probability. The {@code v1} prefix lets a later format coexist.
 */
@ApplicationScoped
public class VisitorIds {

  /** Anything longer is refused before any work; real ids are 48 characters. */
  public static final int MAX_LENGTH = 200;

  static final String PURPOSE = "visitor-id";
  private static final String VERSION = "v1";
  private static final int RANDOM_BYTES = 16;
  private static final int RANDOM_CHARS = 22;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final Signers signers;

  public VisitorIds(Signers signers) {
    this.signers = signers;
  }

  /** A new, signed visitor id. */
  public String issue() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return signer().sign(VERSION + "." + ENCODER.encodeToString(bytes));
  }

  /** {@code candidate} if it is a visitor id Bespoke signed; empty otherwise, never throws. */
  public Optional<String> verify(String candidate) {
    if (candidate == null || candidate.length() > MAX_LENGTH || !wellFormed(candidate)) {
      return Optional.empty();
    }
    return signer().verify(candidate).map(payload -> candidate);
  }

  /** Shape check first: cheap, and keeps hashing work away from junk. */
  private static boolean wellFormed(String id) {
    if (id.length() != VERSION.length() + 1 + RANDOM_CHARS + 1 + Signer.MAC_CHARS
        || !id.startsWith(VERSION + ".")
        || id.charAt(VERSION.length() + 1 + RANDOM_CHARS) != '.') {
      return false;
    }
    for (int i = VERSION.length() + 1; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean base64url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!base64url && i != VERSION.length() + 1 + RANDOM_CHARS) {
        return false;
      }
    }
    return true;
  }

  private Signer signer() {
    return signers.forPurpose(PURPOSE);
  }
}
