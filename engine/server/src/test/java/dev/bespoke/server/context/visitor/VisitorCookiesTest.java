package dev.bespoke.server.context.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.context.testsupport.Configs;
import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisitorCookiesTest {

  private final VisitorCookies cookies = new VisitorCookies(Configs.cookie(null));

  @Test
  void visitorCookieIsHttpOnlyLaxSecureForAYear() {
    NewCookie cookie = cookies.issue("v1.abc.def", "shop.example");
    assertThat(cookie.getName()).isEqualTo("bespoke_vid");
    assertThat(cookie.getValue()).isEqualTo("v1.abc.def");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.LAX);
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 3600);
  }

  @Test
  void expiringCookieClearsIt() {
    NewCookie cookie = cookies.expire("shop.example");
    assertThat(cookie.getMaxAge()).isZero();
    assertThat(cookie.getValue()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> secure={1}")
  @CsvSource({
    "localhost, false",
    "localhost:8080, false",
    "127.0.0.1:8080, false",
    "[::1]:8080, false",
    "[::1], false",
    "LOCALHOST, false",
    "shop.example, true",
    "localhost.evil.example, true",
    "127.0.0.1.nip.io, true",
    "'', true",
  })
  void secureExceptOnLocalhost(String host, boolean secure) {
    assertThat(cookies.issue("v1.x.y", host).isSecure()).isEqualTo(secure);
  }

  @Test
  void missingHostIsTreatedAsRemote() {
    assertThat(cookies.issue("v1.x.y", null).isSecure()).isTrue();
  }
}
