package dev.bespoke.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.store.common.FieldError;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraitsTest {

  @Test
  void stringsNumbersAndBooleansAreTraits() {
    assertThat(Traits.check(Map.of("tier", "gold", "points", 12, "vip", true), "traits")).isEmpty();
  }

  @Test
  void nestedValuesAreRefusedByName() {
    List<FieldError> errors =
        Traits.check(Map.of("address", Map.of("city", "Utrecht"), "tags", List.of("a")), "traits");
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("traits.address", "traits.tags");
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreRefused() {
    assertThat(
            Traits.check(
                Map.of("a", "x\u0000", "b", "\ud800", "c", "\udc00y", "d", "tab\t", "e", "\u0085"),
                "traits"))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("traits.a", "traits.b", "traits.c", "traits.d", "traits.e");
    assertThat(Traits.check(Map.of("a", "g\u00f6ld \ud83d\ude00"), "traits")).isEmpty();
  }

  @Test
  void atMostFiftyTraits() {
    Map<String, Object> many = new HashMap<>();
    for (int i = 0; i < 51; i++) {
      many.put("t" + i, i);
    }
    assertThat(Traits.check(many, "traits"))
        .extracting(FieldError::field)
        .containsExactly("traits");
    many.remove("t0");
    assertThat(Traits.check(many, "traits")).isEmpty();
  }

  @Test
  void namesMustBeUsableInRulesAndStringsShort() {
    assertThat(Traits.check(Map.of("has space", "x"), "traits")).hasSize(1);
    assertThat(Traits.check(Map.of("bio", "x".repeat(257)), "traits"))
        .extracting(FieldError::field)
        .containsExactly("traits.bio");
    assertThat(Traits.check(null, "traits"))
        .extracting(FieldError::message)
        .containsExactly("is required");
  }

  @Test
  void numbersAreNormalisedToLongOrDouble() {
    assertThat(Traits.normalise(Map.of("a", 1, "b", new BigDecimal("2.5"), "c", 3.0f)))
        .isEqualTo(Map.of("a", 1L, "b", 2.5, "c", 3.0));
  }
}
