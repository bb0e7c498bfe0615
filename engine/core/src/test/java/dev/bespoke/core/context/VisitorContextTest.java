package dev.bespoke.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.core.testsupport.Contexts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitorContextTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

  @Test
  void timeAttributesComeFromNowInTheZone() {
    VisitorContext ctx = Contexts.now().build();

    assertThat(ctx.attribute("time.hour")).contains(11);
    assertThat(ctx.attribute("time.dayOfWeek")).contains(2);
    assertThat(ctx.attribute("time.date")).contains("2026-11-24");
    assertThat(ctx.today()).isEqualTo(TODAY);
    assertThat(ctx.attribute("time.minute")).isEmpty();
  }

  @Test
  void explicitTimeAttributesWin() {
    VisitorContext ctx = Contexts.now().attribute("time.hour", 23).build();

    assertThat(ctx.attribute("time.hour")).contains(23);
  }

  @Test
  void windowsCountWholeDaysEndingToday() {
    VisitorContext ctx =
        Contexts.now()
            .behavior("pageview.category.shoes", TODAY, 1)
            .behavior("pageview.category.shoes", TODAY.minusDays(6), 2)
            .behavior("pageview.category.shoes", TODAY.minusDays(7), 4)
            .behavior("pageview.category.shoes", TODAY.plusDays(1), 8)
            .build();

    assertThat(ctx.behaviorCount("pageview.category.shoes", Duration.ofDays(1))).isEqualTo(1);
    assertThat(ctx.behaviorCount("pageview.category.shoes", Duration.ofDays(7))).isEqualTo(3);
    assertThat(ctx.behaviorCount("pageview.category.shoes", Duration.ofDays(8))).isEqualTo(7);
    assertThat(ctx.behaviorCount("pageview.category.shoes", null)).isEqualTo(15);
    assertThat(ctx.behaviorCount("pageview.category.bags", Duration.ofDays(8))).isZero();
    assertThat(ctx.attribute("behavior.pageview.category.shoes")).contains(15L);
    assertThat(ctx.attribute("behavior.pageview.category.bags")).isEmpty();
  }

  @Test
  void scoresDefaultToZero() {
    VisitorContext ctx = Contexts.now().score("category.shoes", 0.4).build();

    assertThat(ctx.score("category.shoes")).isEqualTo(0.4);
    assertThat(ctx.score("category.bags")).isZero();
    assertThat(ctx.attribute("score.category.shoes")).contains(0.4);
    assertThat(ctx.attribute("score.category.bags")).isEmpty();
  }

  @Test
  void withoutAResolverNobodyIsInASegment() {
    assertThat(Contexts.now().build().inSegment("anything")).isFalse();
  }

  @Test
  void resolverIsAskedOncePerKey() {
    int[] calls = {0};
    VisitorContext ctx =
        Contexts.now()
            .segmentResolver(
                (String key) -> {
                  calls[0]++;
                  return Set.of("vip").contains(key);
                })
            .build();

    assertThat(ctx.inSegment("vip")).isTrue();
    assertThat(ctx.inSegment("vip")).isTrue();
    assertThat(ctx.inSegment("other")).isFalse();
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void attributesMapAcceptsScalarsOnly() {
    VisitorContext ctx =
        VisitorContext.builder(Instant.EPOCH, ZoneId.of("UTC"))
            .attributes(Map.of("profile.plan", "pro", "profile.age", 30, "profile.vip", true))
            .build();

    assertThat(ctx.attributes()).hasSize(3);
    assertThatThrownBy(
            () ->
                VisitorContext.builder(Instant.EPOCH, ZoneId.of("UTC"))
                    .attributes(Map.of("profile.roles", java.util.List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderRejectsImpossibleCounts() {
    assertThatThrownBy(() -> Contexts.now().behavior("x.y.z", TODAY, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Contexts.now().score("x.y", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
