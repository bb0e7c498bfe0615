package dev.bespoke.server.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.core.context.VisitorContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentVisitorsTest {

  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong(42 * SECOND);

  @Test
  void quietTrafficIsKeptWhole() {
    RecentVisitors recent = new RecentVisitors(100, 50, clock::get);
    for (int i = 0; i < 30; i++) {
      recent.offer("s", context());
    }
    assertThat(recent.sample("s").size()).isEqualTo(30);
  }

  @Test
  void underLoadOnlyTheRatePerSecondEntersAfterTheFirstSecondsBurst() {
    RecentVisitors recent = new RecentVisitors(10_000, 50, clock::get);
    // 5,000 requests a second for four seconds: one every 200 microseconds.
    for (int i = 0; i < 20_000; i++) {
      recent.offer("s", context());
      clock.addAndGet(200_000);
    }
    // A burst of one second's worth (50), then 50 a second for four seconds.
    assertThat(recent.sample("s").size()).isBetween(245, 255);
  }

  @Test
  void eachSpaceHasItsOwnAllowanceAndZeroMeansNoLimit() {
    RecentVisitors limited = new RecentVisitors(10_000, 10, clock::get);
    RecentVisitors unlimited = new RecentVisitors(10_000, 0, clock::get);
    for (int i = 0; i < 1_000; i++) {
      limited.offer("a", context());
      limited.offer("b", context());
      unlimited.offer("a", context());
    }
    assertThat(limited.sample("a").size()).isEqualTo(10);
    assertThat(limited.sample("b").size()).isEqualTo(10);
    assertThat(unlimited.sample("a").size()).isEqualTo(1_000);
  }

  private static VisitorContext context() {
    return VisitorContext.builder(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC).build();
  }
}
