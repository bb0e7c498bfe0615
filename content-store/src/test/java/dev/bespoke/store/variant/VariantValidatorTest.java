package dev.bespoke.store.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantValidatorTest {

  private static final List<String> SLOT_CHANNELS = List.of("web", "mobile");

  @Test
  void absentFieldsTakeTheirDefaults() {
    Variant clean = clean(variant("hero", null, null, null));
    assertThat(clean.slot()).isEqualTo("home-hero");
    assertThat(clean.fields().isObject()).isTrue();
    assertThat(clean.segments()).isEmpty();
    assertThat(clean.segmentMatch()).isEqualTo("any");
    assertThat(clean.priority()).isZero();
    assertThat(clean.weight()).isEqualTo(1);
    assertThat(clean.isDefault()).isFalse();
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    Variant bad =
        variant(
            "Bad Key",
            List.of("email"),
            Instant.parse("2030-02-01T00:00:00Z"),
            Instant.parse("2030-01-01T00:00:00Z"));
    assertThatThrownBy(() -> clean(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("key", "channels[0]", "validUntil"));
  }

  @Test
  void aScheduleBeyondTheYear9999IsRefused() {
    Variant far = variant("hero", null, Instant.parse("+99999-01-01T00:00:00Z"), null);
    assertThatThrownBy(() -> clean(far))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("validFrom"));
  }

  private static Variant clean(Variant in) {
    return VariantValidator.clean(in, "home-hero", SLOT_CHANNELS, null, key -> true);
  }

  private static Variant variant(
      String key, List<String> channels, Instant validFrom, Instant validUntil) {
    return new Variant(
        key,
        null,
        "Name",
        null,
        null,
        null,
        null,
        channels,
        null,
        null,
        null,
        validFrom,
        validUntil,
        null,
        null,
        null,
        null);
  }
}
