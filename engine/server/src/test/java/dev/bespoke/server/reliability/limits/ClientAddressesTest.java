package dev.bespoke.server.reliability.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.limits.LimitsTestAccess;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** H21: whose address a request is counted against, with and without trusted proxies. */
class ClientAddressesTest {

  @Test
  @DisplayName("H21 an untrusted peer is the client whatever X-Forwarded-For says")
  void untrustedPeer() {
    var none = LimitsTestAccess.clients(List.of());
    assertThat(none.client("198.51.100.7", List.of("1.1.1.1, 127.0.0.1")))
        .isEqualTo("198.51.100.7");
    var proxies = LimitsTestAccess.clients(List.of("10.0.0.0/8"));
    assertThat(proxies.client("198.51.100.7", List.of("1.1.1.1"))).isEqualTo("198.51.100.7");
  }

  @Test
  @DisplayName("H21 behind trusted proxies the right-most untrusted hop is the client")
  void rightMostUntrustedHop() {
    var proxies = LimitsTestAccess.clients(List.of("10.0.0.0/8", "::1/128"));
    assertThat(proxies.client("10.0.0.5", List.of("1.1.1.1, 203.0.113.9, 10.0.0.4")))
        .isEqualTo("203.0.113.9");
    assertThat(proxies.client("10.0.0.5", List.of("1.1.1.1", "203.0.113.9")))
        .isEqualTo("203.0.113.9");
    assertThat(proxies.client("::1", List.of("2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(proxies.client("10.0.0.5", List.of("not-an-address"))).isEqualTo("10.0.0.5");
    assertThat(proxies.client("10.0.0.5", List.of("evil.example.com"))).isEqualTo("10.0.0.5");
  }

  @Test
  @DisplayName("the limiter's table of clients stays bounded under spoofed addresses")
  void boundedTable() {
    long[] now = {0};
    var limiter = LimitsTestAccess.limiter(1, 2, 100, () -> now[0]);
    for (int i = 0; i < 10_000; i++) {
      LimitsTestAccess.acquire(limiter, "203.0." + (i / 256) + "." + (i % 256));
    }
    assertThat(LimitsTestAccess.clients(limiter)).isLessThanOrEqualTo(100);
    now[0] += 10_000_000_000L;
    assertThat(LimitsTestAccess.acquire(limiter, "fresh")).isZero();
  }
}
