package dev.bespoke.server.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A production start without the console session key stops, saying which key to set. */
class ConsoleSessionKeyGuardTest {

  @Test
  void productionProfilesRefuseToStartWithoutAKey() {
    for (List<String> profiles : List.of(List.of("prod"), List.of("pg"), List.of("pg", "prod"))) {
      for (Optional<String> key : List.of(Optional.<String>empty(), Optional.of("   "))) {
        assertThatThrownBy(() -> ConsoleSessionKeyGuard.check(profiles, key))
            .as("%s with key %s", profiles, key)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("quarkus.http.auth.session.encryption-key")
            .hasMessageContaining("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY")
            .hasMessageContaining("16");
      }
    }
  }

  @Test
  void aKeyShorterThan16CharactersIsRefusedToo() {
    assertThatThrownBy(() -> ConsoleSessionKeyGuard.check(List.of("prod"), Optional.of("short")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("short");
  }

  @Test
  void productionStartsWithAKey() {
    assertThatCode(
            () ->
                ConsoleSessionKeyGuard.check(
                    List.of("prod"), Optional.of("a-real-key-of-enough-length")))
        .doesNotThrowAnyException();
  }

  @Test
  void theDemoDevelopmentAndTestsMakeUpAKey() {
    for (List<String> profiles : List.of(List.of("demo"), List.of("dev"), List.of("test"))) {
      assertThatCode(() -> ConsoleSessionKeyGuard.check(profiles, Optional.empty()))
          .as("%s", profiles)
          .doesNotThrowAnyException();
    }
  }
}
