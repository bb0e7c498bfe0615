package dev.bespoke.server.context.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitorIdsTest {

  private static final byte[] KEY =
      "visitor-ids-test-key-32-bytes-min!".getBytes(StandardCharsets.UTF_8);

  private final Signers signers = new Signers(() -> KEY);
  private final VisitorIds ids = new VisitorIds(signers);

  @Test
  void issuedIdsHaveTheDocumentedShapeAndVerify() {
    String id = ids.issue();
    assertThat(id).matches("v1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}").hasSize(48);
    assertThat(ids.verify(id)).contains(id);
  }

  @Test
  void idsAreUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(ids.issue())).isTrue();
    }
  }

  @Test
  void forgedForeignAndMalformedIdsAreNotBelieved() {
    String id = ids.issue();
    String otherInstallation =
        new VisitorIds(
                new Signers(
                    () -> "a-different-installation-key-32b!".getBytes(StandardCharsets.UTF_8)))
            .issue();
    String swappedRandom = "v1.AAAAAAAAAAAAAAAAAAAAAA" + id.substring(25);
    assertThat(ids.verify(otherInstallation)).isEmpty();
    assertThat(ids.verify(swappedRandom)).isEmpty();
    assertThat(ids.verify("v2" + id.substring(2))).isEmpty();
    assertThat(ids.verify(id.toUpperCase())).isEmpty();
    assertThat(ids.verify(id + " ")).isEmpty();
    assertThat(ids.verify("visitor-123")).isEmpty();
    assertThat(ids.verify(null)).isEmpty();
    assertThat(ids.verify("v1." + "A".repeat(22) + "." + "A".repeat(200))).isEmpty();
  }

  @Test
  void aDecisionIdSignedWithTheSameKeyIsNoVisitorId() {
    String random = ids.issue().substring(0, 25);
    String decisionToken = signers.forPurpose("decision-id").sign(random);
    assertThat(decisionToken).hasSize(48);
    assertThat(ids.verify(decisionToken)).isEmpty();
  }

  @Test
  void overlongIdsAreRefusedBeforeAnyWork() {
    assertThat(ids.verify("v1." + "x".repeat(VisitorIds.MAX_LENGTH))).isEmpty();
  }
}
