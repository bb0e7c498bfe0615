package dev.bespoke.server.events.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.events.Event;
import dev.bespoke.server.events.EventType;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileOp;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.Score;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventProfileMapperTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-11-24");

  static Event event(EventType type, String goal, String name, Map<String, Object> properties) {
    return new Event(type, null, goal, null, name, properties);
  }

  static ProfileUpdate map(Event... events) {
    return EventProfileMapper.toUpdate(List.of(events), NOW, TODAY, ConsentGate.NOT_REFUSED);
  }

  @Test
  void aPageviewCountsItsPropertiesAndScoresThem() {
    ProfileUpdate update =
        map(event(EventType.PAGEVIEW, null, null, Map.of("category", "Shoes", "brand", "ACME")));
    assertThat(update.touch()).isTrue();
    assertThat(update.pageviews()).isEqualTo(1);
    assertThat(update.gate()).isEqualTo(ConsentGate.NOT_REFUSED);
    assertThat(update.ops())
        .containsExactlyInAnyOrder(
            new ProfileOp.Count("pageview.brand.acme", TODAY, 1),
            new ProfileOp.AddScore("brand.acme", new Score(1, NOW)),
            new ProfileOp.Count("pageview.category.shoes", TODAY, 1),
            new ProfileOp.AddScore("category.shoes", new Score(1, NOW)));
  }

  @Test
  void aConversionRecordsItsGoalAndACounter() {
    ProfileUpdate update = map(event(EventType.CONVERSION, "purchase", null, Map.of()));
    assertThat(update.ops())
        .containsExactly(
            new ProfileOp.Convert("purchase", NOW),
            new ProfileOp.Count("conversion.goal.purchase", TODAY, 1));
  }

  @Test
  void aCustomEventCountsItsName() {
    assertThat(map(event(EventType.CUSTOM, null, "video-play", Map.of("x", "y"))).ops())
        .containsExactly(new ProfileOp.Count("custom.name.video-play", TODAY, 1));
  }

  @Test
  void clicksCountPropertiesWithoutScoresAndImpressionsChangeNothing() {
    assertThat(map(event(EventType.CLICK, null, null, Map.of("cta", "buy"))).ops())
        .containsExactly(new ProfileOp.Count("click.cta.buy", TODAY, 1));
    ProfileUpdate impression = map(event(EventType.IMPRESSION, null, null, Map.of("a", "b")));
    assertThat(impression.ops()).isEmpty();
    assertThat(impression.pageviews()).isZero();
    assertThat(impression.touch()).isTrue();
  }

  @Test
  void onlyAFewPropertiesOfAnEventAreCounted() {
    Map<String, Object> many = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      many.put("p" + (char) ('a' + i % 26) + i, "v");
    }
    assertThat(map(event(EventType.PAGEVIEW, null, null, many)).ops())
        .hasSize(2 * EventProfileMapper.MAX_PROPERTIES);
  }
}
