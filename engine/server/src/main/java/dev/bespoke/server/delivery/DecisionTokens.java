package dev.bespoke.server.delivery;

import dev.bespoke.server.context.visitor.Signer;
import dev.bespoke.server.context.visitor.Signers;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Decision ids: signed, so an event can trust which slot, variant and experiment arm it refers to,
 * and bound to the visitor by a short digest of their id (the id itself is a credential and stays
 * out of the token).
 *
 * <p>Payload: {@code d2~space~slot~variant~experiment~arm~visitorDigest~epochSecond~banditContext},
 * with {@code -} for no experiment or no bandit. Keys never contain {@code ~}. Ids of the earlier
 * form {@code d1} (without the bandit context) are still read.
 */
@ApplicationScoped
public class DecisionTokens {

  private static final String VERSION = "d2";
  private static final String VERSION_1 = "d1";
  private static final String NONE = "-";

  private final Signer signer;

  public DecisionTokens(Signers signers) {
    this.signer = signers.forPurpose("decision");
  }

  public String issue(DecisionToken token) {
    String payload =
        String.join(
            "~",
            VERSION,
            token.space(),
            token.slot(),
            token.variant(),
            orNone(token.experiment()),
            orNone(token.arm()),
            token.visitorDigest(),
            Long.toString(token.at().getEpochSecond()),
            orNone(token.banditContext()));
    return signer.sign(payload);
  }

  /** The decision a token names, if we signed it; empty for anything else. */
  public Optional<DecisionToken> read(String token) {
    return signer.verify(token).flatMap(DecisionTokens::parse);
  }

  /** A short, one-way digest of a visitor id, to bind tokens to their visitor. */
  public static String visitorDigest(String visitorId) {
    byte[] hash = SHA_256.get().digest(visitorId.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 9));
  }

  /** One digest per thread: the provider look-up cost more than hashing a visitor id. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
          });

  private static Optional<DecisionToken> parse(String payload) {
    String[] parts = payload.split("~", -1);
    boolean current = parts.length == 9 && VERSION.equals(parts[0]);
    boolean first = parts.length == 8 && VERSION_1.equals(parts[0]);
    if (!current && !first) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DecisionToken(
              parts[1],
              parts[2],
              parts[3],
              noneToNull(parts[4]),
              noneToNull(parts[5]),
              parts[6],
              Instant.ofEpochSecond(Long.parseLong(parts[7])),
              current ? noneToNull(parts[8]) : null));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }

  private static String noneToNull(String value) {
    return NONE.equals(value) ? null : value;
  }

  /**
   * What a decision id says.
   *
   * @param banditContext the segment context a bandit slot learnt in; {@code null} for other slots
   */
  public record DecisionToken(
      String space,
      String slot,
      String variant,
      String experiment,
      String arm,
      String visitorDigest,
      Instant at,
      String banditContext) {}
}
