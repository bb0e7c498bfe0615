package dev.bespoke.server.context.consent;

import static dev.bespoke.server.context.consent.ConsentState.DENIED;
import static dev.bespoke.server.context.consent.ConsentState.GRANTED;
import static dev.bespoke.server.context.consent.ConsentState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cookie forms themselves are in the golden file ({@link ConsentCookieGoldenTest}). */
class ConsentResolverTest {

  private final ConsentResolver consents = new ConsentResolver();

  @Test
  void overlongOrMissingCookieIsUnknown() {
    assertThat(consents.parseCookie(null)).isEqualTo(Consent.UNKNOWN);
    assertThat(consents.parseCookie("p:1," + "x".repeat(2_000))).isEqualTo(Consent.UNKNOWN);
  }

  @Test
  void bodyWinsPerAnswerOverTheCookie() {
    assertThat(consents.resolve(false, null, "p:1,a:1")).isEqualTo(new Consent(DENIED, GRANTED));
    assertThat(consents.resolve(null, null, "p:1,a:0")).isEqualTo(new Consent(GRANTED, DENIED));
    assertThat(consents.resolve(true, true, null)).isEqualTo(new Consent(GRANTED, GRANTED));
    assertThat(consents.resolve(null, null, null)).isEqualTo(Consent.UNKNOWN);
  }

  @Test
  void storageNeedsAGrantWhereConsentIsRequiredAndNeverFollowsARefusal() {
    assertThat(new Consent(GRANTED, UNKNOWN).allowsStorage(true)).isTrue();
    assertThat(new Consent(UNKNOWN, GRANTED).allowsStorage(true)).isFalse();
    assertThat(new Consent(UNKNOWN, UNKNOWN).allowsStorage(false)).isTrue();
    assertThat(new Consent(DENIED, GRANTED).allowsStorage(false)).isFalse();
  }

  @Test
  void exposesPersonalizationConsentOnlyWhenKnown() {
    Map<String, Object> attributes = new HashMap<>();
    new Consent(DENIED, GRANTED).addTo(attributes);
    assertThat(attributes).containsExactlyEntriesOf(Map.of("consent.personalization", false));
    Map<String, Object> none = new HashMap<>();
    Consent.UNKNOWN.addTo(none);
    assertThat(none).isEmpty();
  }
}
