package dev.bespoke.server.context.visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignerTest {

  private static final byte[] KEY =
      "a-test-key-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_KEY =
      "another-test-key-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8);

  private final Signer decisions = Signer.create(KEY, "decision-id", 512);

  @Test
  void verifiesWhatItSignedAndReturnsThePayload() {
    String token = decisions.sign("home-hero.v7.abc");
    assertThat(token).startsWith("home-hero.v7.abc.");
    assertThat(token.substring(token.lastIndexOf('.') + 1)).hasSize(22).matches("[A-Za-z0-9_-]+");
    assertThat(decisions.verify(token)).contains("home-hero.v7.abc");
  }

  @Test
  void aTokenForOnePurposeNeverVerifiesForAnother() {
    Signer visitors = Signer.create(KEY, "visitor-id", 512);
    String visitorToken = visitors.sign("v1.same-payload");
    assertThat(visitors.verify(visitorToken)).isPresent();
    assertThat(decisions.verify(visitorToken)).isEmpty();
  }

  @Test
  void anotherKeyOrAnyChangeBreaksTheSignature() {
    String token = decisions.sign("payload");
    assertThat(Signer.create(OTHER_KEY, "decision-id", 512).verify(token)).isEmpty();
    assertThat(decisions.verify("payloaD" + token.substring(7))).isEmpty();
    char last = token.charAt(token.length() - 1);
    assertThat(decisions.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')))
        .isEmpty();
    assertThat(decisions.verify(token + "A")).isEmpty();
  }

  @Test
  void refusesJunkWithoutThrowing() {
    String forgedMac = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
    for (String junk :
        new String[] {
          null,
          "",
          ".",
          "no-dot",
          "payload." + forgedMac,
          "x".repeat(10_000) + ".a",
          "payload.ééééééééééééééééééééé" + "é"
        }) {
      assertThat(decisions.verify(junk)).isEmpty();
    }
  }

  @Test
  void refusesWeakKeysAndOddPurposes() {
    assertThatThrownBy(() -> Signer.create(new byte[16], "decision-id", 512))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signer.create(KEY, "Decision Id", 512))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> decisions.sign("p".repeat(600)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
