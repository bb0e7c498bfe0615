package dev.bespoke.server.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileCapsTest {

  @Test
  void capsBelowOneOrAPerEventCapAboveTheProfilesAreRefused() {
    assertThatThrownBy(() -> new ProfileCaps(0, 1, 1)).hasMessageContaining("counters");
    assertThatThrownBy(() -> new ProfileCaps(10, 0, 1)).hasMessageContaining("countersPerEvent");
    assertThatThrownBy(() -> new ProfileCaps(10, 10, -1)).hasMessageContaining("scores");
    assertThatThrownBy(() -> new ProfileCaps(10, 11, 1))
        .hasMessageContaining("must not exceed counters");
  }

  @Test
  void aCounterIsCappedWithItsEventNameAndUnknownPrefixesTogether() {
    assertThat(ProfileCaps.eventOf("pageview.category.shoes")).isEqualTo("pageview");
    assertThat(ProfileCaps.eventOf("conversion.goal.signup")).isEqualTo("conversion");
    assertThat(ProfileCaps.eventOf("search.term.boots")).isEqualTo(ProfileCaps.OTHER);
    assertThat(ProfileCaps.eventOf("other.x")).isEqualTo(ProfileCaps.OTHER);
  }

  @Test
  void theDefaultsAreTheDocumentedSettings() {
    assertThat(ProfileCaps.DEFAULTS).isEqualTo(new ProfileCaps(1_000, 400, 200));
    assertThat(ProfileSettings.DEFAULTS.caps()).isEqualTo(ProfileCaps.DEFAULTS);
  }
}
