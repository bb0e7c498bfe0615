package dev.bespoke.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-24");
  static final String SHOES = "pageview.category.shoes";

  static Profile withShoeViews(Map<LocalDate, Long> days) {
    return new Profile(
        "v",
        null,
        1,
        null,
        null,
        0,
        Map.of(SHOES, days),
        Map.of(),
        Map.of(),
        null,
        Map.of(),
        Map.of());
  }

  @Test
  void aOneDayWindowIsTodayOnly() {
    Profile p = withShoeViews(Map.of(TODAY, 2L, TODAY.minusDays(1), 5L));
    assertThat(p.count(SHOES, 1, TODAY)).isEqualTo(2);
  }

  @Test
  void aThirtyDayWindowIsTodayAndTheTwentyNineDaysBefore() {
    Profile p = withShoeViews(Map.of(TODAY, 1L, TODAY.minusDays(29), 2L, TODAY.minusDays(30), 4L));
    assertThat(p.count(SHOES, 30, TODAY)).isEqualTo(3);
    assertThat(p.count(SHOES, 31, TODAY)).isEqualTo(7);
  }

  @Test
  void bucketsAfterTodayAreNotCounted() {
    Profile p = withShoeViews(Map.of(TODAY.plusDays(1), 9L, TODAY, 1L));
    assertThat(p.count(SHOES, 7, TODAY)).isEqualTo(1);
    assertThat(p.total(SHOES)).isEqualTo(10);
  }

  @Test
  void unknownKeysAndEmptyWindowsCountNothing() {
    Profile p = withShoeViews(Map.of(TODAY, 1L));
    assertThat(p.count("pageview.category.bags", 30, TODAY)).isZero();
    assertThat(p.count(SHOES, 0, TODAY)).isZero();
  }

  @Test
  void toStringShowsNoPersonalData() {
    Profile p = withShoeViews(Map.of(TODAY, 1L));
    assertThat(p.toString()).doesNotContain("shoes").doesNotContain("v,");
  }
}
