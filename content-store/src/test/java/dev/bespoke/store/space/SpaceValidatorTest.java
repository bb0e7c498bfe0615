package dev.bespoke.store.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.store.common.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpaceValidatorTest {

  /** Issue 14 item 9: {@code UTC} is a link in the IANA database, as valid as Etc/UTC. */
  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Etc/UTC", "GMT", "Europe/Amsterdam", "America/Sao_Paulo"})
  void ianaZonesAndTheirLinksAreAccepted(String zone) {
    assertThat(SpaceValidator.clean(space(zone)).timeZone()).isEqualTo(zone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+02:00", "UTC+2", "GMT-5", "Mars/Olympus", "utc", "Z", ""})
  void fixedOffsetsAndUnknownNamesAreRefused(String zone) {
    assertThatThrownBy(() -> SpaceValidator.clean(space(zone)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting("field").containsExactly("timeZone"));
  }

  private static Space space(String zone) {
    return new Space("shop", "Shop", zone, null, null, null, null);
  }
}
