package dev.bespoke.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionParser;
import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.Consideration.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeciderTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final SegmentCatalog segments =
      catalog(
          Map.of(
              "benelux", "{\"attr\":\"geo.country\",\"op\":\"in\",\"value\":[\"NL\",\"BE\"]}",
              "returning", "{\"attr\":\"visit.count\",\"op\":\"gte\",\"value\":2}",
              "shoe-fan",
                  "{\"attr\":\"behavior.pageview.category.shoes\",\"op\":\"gte\",\"value\":3,"
                      + "\"within\":\"P30D\"}"));
  private final Decider decider = new Decider(segments);

  @Test
  void highestPriorityWinsAndTheReasonNamesTheSegmentAndItsRule() {
    SlotRule slot =
        slot(
            variant("generic-nl", List.of("benelux"), 10),
            variant("benelux-returning", List.of("benelux", "returning"), 20),
            fallback());
    Decision d =
        decider.decide(slot, visitor(Map.of("geo.country", "NL", "visit.count", 1)), web());
    assertThat(d.variant()).get().extracting(VariantRule::key).isEqualTo("benelux-returning");
    assertThat(d.matchedSegments()).containsExactly("benelux");
    assertThat(d.reason())
        .isEqualTo("segment benelux matched (geo.country in [NL, BE]); highest priority 20");
    assertThat(d.usedDefault()).isFalse();
  }

  @Test
  void onEqualPriorityTheMostMatchedSegmentsWin() {
    SlotRule slot =
        slot(
            variant("one", List.of("benelux"), 5),
            variant("two", List.of("benelux", "returning"), 5),
            fallback());
    Decision d =
        decider.decide(slot, visitor(Map.of("geo.country", "BE", "visit.count", 3)), web());
    assertThat(d.variant().orElseThrow().key()).isEqualTo("two");
    assertThat(d.reason()).endsWith("priority 5 and the most matched segments (2)");
  }

  @Test
  void fullTiesAreSettledTheSameWayForTheSameVisitorEveryTime() {
    SlotRule slot =
        slot(
            variant("a", List.of(), 0),
            variant("b", List.of(), 0),
            variant("c", List.of(), 0),
            fallback());
    Set<String> pickedForOneVisitor =
        Set.copyOf(
            IntStream.range(0, 20)
                .mapToObj(i -> decider.decide(slot, visitor(Map.of()), web("visitor-7")))
                .map(d -> d.variant().orElseThrow().key())
                .toList());
    assertThat(pickedForOneVisitor).hasSize(1);
    Set<String> pickedAcrossVisitors =
        Set.copyOf(
            IntStream.range(0, 200)
                .mapToObj(i -> decider.decide(slot, visitor(Map.of()), web("visitor-" + i)))
                .map(d -> d.variant().orElseThrow().key())
                .toList());
    assertThat(pickedAcrossVisitors).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void allMeansEverySegment() {
    VariantRule both =
        new VariantRule(
            "both",
            List.of("benelux", "returning"),
            SegmentMatch.ALL,
            Set.of(),
            Set.of(),
            1,
            1,
            null,
            null,
            false,
            null);
    SlotRule slot = slot(both, fallback());
    Decision onlyOne =
        decider.decide(slot, visitor(Map.of("geo.country", "NL", "visit.count", 1)), traced());
    assertThat(onlyOne.usedDefault()).isTrue();
    assertThat(onlyOne.trace())
        .contains(
            new Consideration(
                "both",
                Outcome.SEGMENTS_DO_NOT_MATCH,
                "needs all of its segments; not in returning"));
    Decision all =
        decider.decide(slot, visitor(Map.of("geo.country", "NL", "visit.count", 2)), web());
    assertThat(all.variant().orElseThrow().key()).isEqualTo("both");
  }

  @Test
  void nothingFitsMeansTheDefault() {
    SlotRule slot = slot(variant("nl", List.of("benelux"), 10), fallback());
    Decision d = decider.decide(slot, visitor(Map.of("geo.country", "DE")), web());
    assertThat(d.variant().orElseThrow().key()).isEqualTo("default");
    assertThat(d.usedDefault()).isTrue();
    assertThat(d.reason()).isEqualTo("no variant fits this visitor; the slot's default");
  }

  @Test
  void scheduleChannelLocaleAndSuppressionFilterCandidates() {
    VariantRule expired =
        new VariantRule(
            "expired",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            9,
            1,
            null,
            NOW.minusSeconds(1),
            false,
            null);
    VariantRule future =
        new VariantRule(
            "future",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            9,
            1,
            NOW.plusSeconds(60),
            null,
            false,
            null);
    VariantRule mobileOnly =
        new VariantRule(
            "mobile-only",
            List.of(),
            SegmentMatch.ANY,
            Set.of("mobile"),
            Set.of(),
            8,
            1,
            null,
            null,
            false,
            null);
    VariantRule german =
        new VariantRule(
            "german",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of("de"),
            7,
            1,
            null,
            null,
            false,
            null);
    VariantRule offer =
        new VariantRule(
            "offer",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            6,
            1,
            null,
            null,
            false,
            "purchase");
    SlotRule slot = slot(expired, future, mobileOnly, german, offer, fallback());

    Decision beforePurchase = decider.decide(slot, visitor(Map.of()), traced());
    assertThat(beforePurchase.variant().orElseThrow().key()).isEqualTo("offer");
    assertThat(beforePurchase.trace())
        .extracting(Consideration::variant, Consideration::outcome)
        .contains(
            org.assertj.core.groups.Tuple.tuple("expired", Outcome.NOT_SCHEDULED),
            org.assertj.core.groups.Tuple.tuple("future", Outcome.NOT_SCHEDULED),
            org.assertj.core.groups.Tuple.tuple("mobile-only", Outcome.OTHER_CHANNEL),
            org.assertj.core.groups.Tuple.tuple("german", Outcome.OTHER_LOCALE),
            org.assertj.core.groups.Tuple.tuple("default", Outcome.DEFAULT_NOT_NEEDED));

    DecisionInput afterPurchase =
        new DecisionInput("web", "nl-NL", "v1", Set.of("purchase"), false);
    assertThat(decider.decide(slot, visitor(Map.of()), afterPurchase).variant().orElseThrow().key())
        .isEqualTo("default");

    DecisionInput germanMobile = new DecisionInput("mobile", "de-AT", "v1", Set.of(), false);
    assertThat(decider.decide(slot, visitor(Map.of()), germanMobile).variant().orElseThrow().key())
        .isEqualTo("mobile-only");
  }

  @Test
  void behaviouralSegmentsCountOnlyTheWindow() {
    SlotRule slot = slot(variant("shoes", List.of("shoe-fan"), 5), fallback());
    VisitorContext twoRecentOneOld =
        VisitorContext.builder(NOW, AMSTERDAM)
            .behavior("pageview.category.shoes", LocalDate.of(2026, 11, 20), 2)
            .behavior("pageview.category.shoes", LocalDate.of(2026, 9, 1), 5)
            .segmentResolver(segments.resolver())
            .build();
    assertThat(decider.decide(slot, twoRecentOneOld, web()).usedDefault()).isTrue();
    VisitorContext threeRecent =
        VisitorContext.builder(NOW, AMSTERDAM)
            .behavior("pageview.category.shoes", LocalDate.of(2026, 11, 20), 2)
            .behavior("pageview.category.shoes", LocalDate.of(2026, 11, 24), 1)
            .segmentResolver(segments.resolver())
            .build();
    assertThat(decider.decide(slot, threeRecent, web()).variant().orElseThrow().key())
        .isEqualTo("shoes");
  }

  @Test
  void weightedPicksAreStablePerVisitorAndFollowTheWeights() {
    VariantRule heavy =
        new VariantRule(
            "heavy",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            0,
            3,
            null,
            null,
            false,
            null);
    VariantRule light =
        new VariantRule(
            "light",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            0,
            1,
            null,
            null,
            false,
            null);
    SlotRule slot =
        new SlotRule("hero", Set.of("web"), Strategy.WEIGHTED, List.of(heavy, light, fallback()));
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 4000; i++) {
      String key =
          decider
              .decide(slot, visitor(Map.of()), web("visitor-" + i))
              .variant()
              .orElseThrow()
              .key();
      counts.merge(key, 1, Integer::sum);
    }
    assertThat(counts.get("heavy")).isBetween(2800, 3200);
    assertThat(counts.get("light")).isBetween(800, 1200);
    String first =
        decider.decide(slot, visitor(Map.of()), web("visitor-42")).variant().orElseThrow().key();
    assertThat(
            decider
                .decide(slot, visitor(Map.of()), web("visitor-42"))
                .variant()
                .orElseThrow()
                .key())
        .isEqualTo(first);
  }

  @Test
  void reasonsNeverCarryTheVisitorsOwnValues() {
    SlotRule slot = slot(variant("nl", List.of("benelux"), 10), fallback());
    VisitorContext context =
        VisitorContext.builder(NOW, AMSTERDAM)
            .attribute("geo.country", "NL")
            .attribute("page.url", "https://shop.example/account?email=jan@example.com")
            .attribute("customer.email", "jan@example.com")
            .segmentResolver(segments.resolver())
            .build();
    Decision d = decider.decide(slot, context, traced());
    assertThat(d.reason()).doesNotContain("jan@example.com");
    assertThat(d.trace()).allSatisfy(c -> assertThat(c.why()).doesNotContain("jan@example.com"));
  }

  /**
   * A live decision stops at the first priority level that fits; a preview evaluates everything.
   * Both must choose the same variant and explain it in the same words.
   */
  @Test
  void aLiveDecisionAndItsPreviewAgreeOnVariantAndReason() {
    SlotRule slot =
        slot(
            variant("low-everyone", List.of(), 1),
            variant("nl-returning", List.of("benelux", "returning"), 20),
            variant("nl", List.of("benelux"), 20),
            variant("shoes", List.of("shoe-fan"), 30),
            variant("returning", List.of("returning"), 10),
            fallback());
    List<Map<String, Object>> visitors =
        List.of(
            Map.of("geo.country", "NL", "visit.count", 3),
            Map.of("geo.country", "NL", "visit.count", 1),
            Map.of("geo.country", "DE", "visit.count", 5),
            Map.of("geo.country", "DE", "visit.count", 1),
            Map.of("geo.country", "BE", "behavior.pageview.category.shoes", 4));
    for (Map<String, Object> attributes : visitors) {
      for (int i = 0; i < 20; i++) {
        String id = "visitor-" + i;
        Decision live = decider.decide(slot, visitor(attributes), web(id));
        Decision preview =
            decider.decide(
                slot, visitor(attributes), new DecisionInput("web", "nl-NL", id, Set.of(), true));
        assertThat(live.variant().orElseThrow().key())
            .as("%s, %s", attributes, id)
            .isEqualTo(preview.variant().orElseThrow().key());
        assertThat(live.reason()).isEqualTo(preview.reason());
      }
    }
    assertThat(slot.variants().get(0).key()).isEqualTo("shoes");
  }

  private VisitorContext visitor(Map<String, ?> attributes) {
    return VisitorContext.builder(NOW, AMSTERDAM)
        .attributes(attributes)
        .segmentResolver(segments.resolver())
        .build();
  }

  private static DecisionInput web() {
    return web("visitor-1");
  }

  private static DecisionInput web(String visitor) {
    return new DecisionInput("web", "nl-NL", visitor, Set.of(), false);
  }

  private static DecisionInput traced() {
    return new DecisionInput("web", "nl-NL", "visitor-1", Set.of(), true);
  }

  private static VariantRule variant(String key, List<String> segments, int priority) {
    return new VariantRule(
        key, segments, SegmentMatch.ANY, Set.of(), Set.of(), priority, 1, null, null, false, null);
  }

  private static VariantRule fallback() {
    return new VariantRule(
        "default", List.of(), SegmentMatch.ANY, Set.of(), Set.of(), 0, 1, null, null, true, null);
  }

  private static SlotRule slot(VariantRule... variants) {
    return new SlotRule(
        "home-hero", Set.of("web", "mobile"), Strategy.FIRST_MATCH, List.of(variants));
  }

  private static SegmentCatalog catalog(Map<String, String> rules) {
    ConditionParser parser = new ConditionParser();
    Map<String, Condition> parsed = new HashMap<>();
    rules.forEach((k, v) -> parsed.put(k, parser.parse(v)));
    return SegmentCatalog.compile(parsed);
  }
}
