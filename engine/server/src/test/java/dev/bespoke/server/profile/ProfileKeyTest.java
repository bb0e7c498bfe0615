package dev.bespoke.server.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileKeyTest {

  @Test
  void signedVisitorIdsAreValid() {
    assertThat(ProfileKey.isVisitorId("v1.AbCdEfGhIjKlMnOpQrStUv.0123456789abcdef-_")).isTrue();
  }

  @Test
  void visitorIdsCannotPassForCustomerKeysOrChangeTheHashSlot() {
    assertThat(ProfileKey.isVisitorId("c:42")).isFalse();
    assertThat(ProfileKey.isVisitorId("a{b}")).isFalse();
    assertThat(ProfileKey.isVisitorId("")).isFalse();
    assertThat(ProfileKey.isCustomerId("42}x")).isFalse();
    assertThat(ProfileKey.isCustomerId("jane doe")).isFalse();
    assertThat(ProfileKey.isCustomerId("jane@example.com")).isTrue();
  }

  @Test
  void anInvalidIdIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> ProfileKey.customer("shop", "jane doe@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("jane");
    assertThat(ProfileKey.customer("shop", "jane@example.com").toString()).doesNotContain("jane");
  }
}
