package dev.bespoke.server.context.consent;

import static dev.bespoke.server.context.consent.ConsentState.DENIED;
import static dev.bespoke.server.context.consent.ConsentState.GRANTED;
import static dev.bespoke.server.context.consent.ConsentState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentResolverTest {

  private final ConsentResolver consents = new ConsentResolver();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "p:1,a:0 | GRANTED | DENIED",
        "p:0,a:1 | DENIED | GRANTED",
        "personalization=true&analytics=false | GRANTED | DENIED",
        "personalisation=yes | GRANTED | UNKNOWN",
        "{\"personalization\":true,\"analytics\":true} | GRANTED | GRANTED",
        "%7B%22personalization%22%3Afalse%7D | DENIED | UNKNOWN",
        "personalization%3Dgranted%26analytics%3Ddenied | GRANTED | DENIED",
        "P:1 , A:1 | GRANTED | GRANTED",
        "p:maybe,a:1 | UNKNOWN | GRANTED",
        "garbage | UNKNOWN | UNKNOWN",
        "p | UNKNOWN | UNKNOWN",
        "=1,:0 | UNKNOWN | UNKNOWN",
        "%E0%A4%A | UNKNOWN | UNKNOWN",
        "p:1%0D%0A | UNKNOWN | UNKNOWN",
      })
  void readsTheCookieLeniently(
      String cookie, ConsentState personalization, ConsentState analytics) {
    assertThat(consents.parseCookie(cookie)).isEqualTo(new Consent(personalization, analytics));
  }

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
