package dev.bespoke.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionParser;
import dev.bespoke.core.context.VisitorContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShadowingTest {

  private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

  @Test
  void aHigherPriorityVariantForEveryoneShadowsASegmentedOne() {
    VariantRule a = variant("dutch", List.of("benelux"), SegmentMatch.ANY, 10);
    VariantRule b = variant("everyone", List.of(), SegmentMatch.ANY, 20);
    assertThat(Shadowing.shadowedBy(a, b))
        .get()
        .extracting(Shadowing.Shadow::explanation)
        .isEqualTo(
            "variant dutch can never be served: everyone has higher priority (20 over 10) and"
                + " matches everyone dutch matches");
    assertThat(Shadowing.shadowedBy(b, a)).isEmpty();
  }

  @Test
  void equalPriorityIsNeverCertain() {
    VariantRule a = variant("a", List.of("benelux"), SegmentMatch.ANY, 10);
    VariantRule b = variant("b", List.of(), SegmentMatch.ANY, 10);
    assertThat(Shadowing.shadowedBy(a, b)).isEmpty();
  }

  @Test
  void theSameSegmentAtHigherPriorityShadows() {
    VariantRule a = variant("a", List.of("benelux"), SegmentMatch.ANY, 10);
    VariantRule b = variant("b", List.of("benelux"), SegmentMatch.ANY, 20);
    assertThat(Shadowing.shadowedBy(a, b)).isPresent();
  }

  @Test
  void anAllOfVariantIsShadowedByAnyOfItsSegmentsOrAllOfASubset() {
    VariantRule a = variant("a", List.of("benelux", "returning", "shoe-fan"), SegmentMatch.ALL, 10);
    assertThat(
            Shadowing.shadowedBy(
                a, variant("b", List.of("returning", "mobile"), SegmentMatch.ANY, 20)))
        .isPresent();
    assertThat(
            Shadowing.shadowedBy(
                a, variant("b", List.of("benelux", "shoe-fan"), SegmentMatch.ALL, 20)))
        .isPresent();
    assertThat(
            Shadowing.shadowedBy(
                a, variant("b", List.of("benelux", "mobile"), SegmentMatch.ALL, 20)))
        .isEmpty();
    assertThat(Shadowing.shadowedBy(a, variant("b", List.of("mobile"), SegmentMatch.ANY, 20)))
        .isEmpty();
  }

  @Test
  void anAnyOfVariantIsShadowedOnlyByAnyOfASuperset() {
    VariantRule a = variant("a", List.of("benelux", "returning"), SegmentMatch.ANY, 10);
    assertThat(
            Shadowing.shadowedBy(
                a, variant("b", List.of("benelux", "returning", "x"), SegmentMatch.ANY, 20)))
        .isPresent();
    assertThat(Shadowing.shadowedBy(a, variant("b", List.of("benelux"), SegmentMatch.ANY, 20)))
        .isEmpty();
    assertThat(
            Shadowing.shadowedBy(
                a, variant("b", List.of("benelux", "returning"), SegmentMatch.ALL, 20)))
        .isEmpty();
  }

  @Test
  void aVariantForEveryoneIsShadowedOnlyByAnotherForEveryone() {
    VariantRule a = variant("a", List.of(), SegmentMatch.ANY, 10);
    assertThat(Shadowing.shadowedBy(a, variant("b", List.of("benelux"), SegmentMatch.ANY, 20)))
        .isEmpty();
    assertThat(Shadowing.shadowedBy(a, variant("b", List.of(), SegmentMatch.ANY, 20))).isPresent();
  }

  @Test
  void narrowerChannelsLocalesOrScheduleLeaveRoom() {
    VariantRule a = variant("a", List.of(), SegmentMatch.ANY, 10);
    VariantRule webOnly = with(variant("b", List.of(), SegmentMatch.ANY, 20), Set.of("web"), null);
    assertThat(Shadowing.shadowedBy(a, webOnly)).isEmpty();
    VariantRule aWeb = with(a, Set.of("web"), null);
    assertThat(Shadowing.shadowedBy(aWeb, webOnly)).isPresent();

    VariantRule dutchWinner = with(webOnly, Set.of(), Set.of("nl"));
    assertThat(Shadowing.shadowedBy(with(a, Set.of(), Set.of("nl-BE")), dutchWinner)).isPresent();
    assertThat(Shadowing.shadowedBy(with(a, Set.of(), Set.of("fr-BE")), dutchWinner)).isEmpty();
    assertThat(
            Shadowing.shadowedBy(
                with(a, Set.of(), Set.of("nl")), with(webOnly, Set.of(), Set.of("nl-NL"))))
        .isEmpty();

    VariantRule june = scheduled(variant("b", List.of(), SegmentMatch.ANY, 20), JUNE, JULY);
    assertThat(Shadowing.shadowedBy(scheduled(a, JUNE, JULY), june)).isPresent();
    assertThat(Shadowing.shadowedBy(scheduled(a, MAY, JULY), june)).isEmpty();
    assertThat(Shadowing.shadowedBy(a, june)).isEmpty();
  }

  @Test
  void aWinnerThatStepsAsideAfterAConversionLeavesRoom() {
    VariantRule a = variant("a", List.of(), SegmentMatch.ANY, 10);
    VariantRule b =
        new VariantRule(
            "b",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            20,
            1,
            null,
            null,
            false,
            "purchase");
    assertThat(Shadowing.shadowedBy(a, b)).isEmpty();
  }

  @Test
  void defaultsAndWeightedSlotsAreNeverReported() {
    VariantRule a = variant("a", List.of("benelux"), SegmentMatch.ANY, 10);
    VariantRule b = variant("b", List.of(), SegmentMatch.ANY, 20);
    VariantRule fallback =
        new VariantRule(
            "default",
            List.of(),
            SegmentMatch.ANY,
            Set.of(),
            Set.of(),
            99,
            1,
            null,
            null,
            true,
            null);
    assertThat(Shadowing.find(Strategy.FIRST_MATCH, List.of(a, b, fallback)))
        .extracting(Shadowing.Shadow::shadowed, Shadowing.Shadow::by)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "b"));
    assertThat(Shadowing.find(Strategy.WEIGHTED, List.of(a, b))).isEmpty();
  }

  /**
   * The claim checked against the decider itself: for every visitor in a grid of segment
   * memberships, channels and locales, a variant reported as shadowed is never chosen.
   */
  @Test
  void aReportedVariantIsNeverChosenByTheDecider() {
    List<VariantRule> variants =
        List.of(
            variant("all-three", List.of("s1", "s2", "s3"), SegmentMatch.ALL, 5),
            variant("s2-or-s4", List.of("s2", "s4"), SegmentMatch.ANY, 15),
            variant("s1-or-s2", List.of("s1", "s2"), SegmentMatch.ANY, 10),
            variant("s1-s2-s3-any", List.of("s1", "s2", "s3"), SegmentMatch.ANY, 20),
            with(variant("web-nl", List.of(), SegmentMatch.ANY, 1), Set.of("web"), Set.of("nl")),
            new VariantRule(
                "default",
                List.of(),
                SegmentMatch.ANY,
                Set.of(),
                Set.of(),
                0,
                1,
                null,
                null,
                true,
                null));
    List<Shadowing.Shadow> shadows = Shadowing.find(Strategy.FIRST_MATCH, variants);
    assertThat(shadows)
        .extracting(Shadowing.Shadow::shadowed)
        .containsExactlyInAnyOrder("all-three", "s1-or-s2");

    Map<String, Condition> rules = new HashMap<>();
    ConditionParser parser = new ConditionParser();
    for (String s : List.of("s1", "s2", "s3", "s4")) {
      rules.put(s, parser.parse("{\"attr\":\"request." + s + "\",\"op\":\"eq\",\"value\":true}"));
    }
    SegmentCatalog catalog = SegmentCatalog.compile(rules);
    Decider decider = new Decider(catalog);
    SlotRule slot = new SlotRule("hero", Set.of(), Strategy.FIRST_MATCH, variants);
    for (int members = 0; members < 16; members++) {
      for (String channel : List.of("web", "mobile")) {
        for (String locale : List.of("nl-NL", "en-GB")) {
          VisitorContext.Builder b =
              VisitorContext.builder(JUNE, ZoneId.of("UTC")).segmentResolver(catalog.resolver());
          for (int i = 0; i < 4; i++) {
            b.attribute("request.s" + (i + 1), (members & (1 << i)) != 0);
          }
          Decision d =
              decider.decide(
                  slot,
                  b.build(),
                  new DecisionInput(channel, locale, "v" + members, Set.of(), false));
          String chosen = d.variant().orElseThrow().key();
          assertThat(shadows).extracting(Shadowing.Shadow::shadowed).doesNotContain(chosen);
        }
      }
    }
  }

  private static VariantRule variant(
      String key, List<String> segments, SegmentMatch match, int priority) {
    return new VariantRule(
        key, segments, match, Set.of(), Set.of(), priority, 1, null, null, false, null);
  }

  private static VariantRule with(VariantRule v, Set<String> channels, Set<String> locales) {
    return new VariantRule(
        v.key(),
        v.segments(),
        v.segmentMatch(),
        channels == null ? v.channels() : channels,
        locales == null ? v.locales() : locales,
        v.priority(),
        v.weight(),
        v.validFrom(),
        v.validUntil(),
        v.isDefault(),
        v.suppressAfterConversion());
  }

  private static VariantRule scheduled(VariantRule v, Instant from, Instant until) {
    return new VariantRule(
        v.key(),
        v.segments(),
        v.segmentMatch(),
        v.channels(),
        v.locales(),
        v.priority(),
        v.weight(),
        from,
        until,
        v.isDefault(),
        v.suppressAfterConversion());
  }
}
