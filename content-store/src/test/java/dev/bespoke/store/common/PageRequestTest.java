package dev.bespoke.store.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void boundsArePerField() {
    assertThat(new PageRequest(0, 100).size()).isEqualTo(100);
    assertThatThrownBy(() -> new PageRequest(-1, 101))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("page", "size"));
  }

  @Test
  void keysAreShortLowerCaseAndUrlSafe() {
    assertThat(Keys.isValid("home-hero")).isTrue();
    assertThat(Keys.isValid("0")).isTrue();
    assertThat(Keys.isValid("a".repeat(64))).isTrue();
    assertThat(Keys.isValid("a".repeat(65))).isFalse();
    assertThat(Keys.isValid("-a")).isFalse();
    assertThat(Keys.isValid("Home")).isFalse();
    assertThat(Keys.isValid("a_b")).isFalse();
    assertThat(Keys.isValid(null)).isFalse();
  }
}
