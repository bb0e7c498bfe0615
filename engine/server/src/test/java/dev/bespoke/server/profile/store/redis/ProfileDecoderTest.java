package dev.bespoke.server.profile.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.Profile;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDecoderTest {

  private final ProfileDecoder decoder = new ProfileDecoder(new ObjectMapper());

  @Test
  void dailyCountersAreReadByDay() {
    Profile p =
        decoder.decode(
            "v1",
            Map.of(
                "n", "3",
                "b:page.view:2026-11-24", "4",
                "b:page.view:2026-02-09", "7",
                "b:cart-add:2025-12-31", "1"));
    assertThat(p.counters().get("page.view"))
        .containsEntry(LocalDate.of(2026, 11, 24), 4L)
        .containsEntry(LocalDate.of(2026, 2, 9), 7L)
        .hasSize(2);
    assertThat(p.counters().get("cart-add")).containsEntry(LocalDate.of(2025, 12, 31), 1L);
  }

  @Test
  void aDamagedDayCostsOnlyItsOwnCounter() {
    Profile p =
        decoder.decode(
            "v1",
            Map.of(
                "n", "2",
                "b:page.view:2026-1x-24", "4",
                "b:page.view:2026-13-01", "5",
                "b:page.view:2026-11-24", "6"));
    assertThat(p.visits()).isEqualTo(2);
    assertThat(p.counters().get("page.view")).containsOnlyKeys(LocalDate.of(2026, 11, 24));
  }

  @Test
  void theDayReaderAgreesWithIsoParsing() {
    String name = "b:x:2024-02-29";
    assertThat(ProfileDecoder.day(name, 4)).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThatThrownBy(() -> ProfileDecoder.day("b:x:2023-02-29", 4))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> ProfileDecoder.day("b:x:20230229", 4))
        .isInstanceOf(DateTimeException.class);
  }
}
