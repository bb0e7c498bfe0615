package dev.bespoke.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.core.condition.ConditionParser;
import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.stats.BanditArm;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BanditDeciderTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final int VISITORS = 4000;

  private final SegmentCatalog segments =
      SegmentCatalog.compile(
          Map.of(
              "benelux",
              new ConditionParser()
                  .parse("{\"attr\":\"geo.country\",\"op\":\"in\",\"value\":[\"NL\",\"BE\"]}")));
  private final Decider decider = new Decider(segments);

  /** Two variants for everyone, and one for benelux, which brings benelux into the context. */
  private final SlotRule slot =
      new SlotRule(
          "hero",
          Set.of("web"),
          Strategy.BANDIT,
          List.of(variant("a", List.of()), variant("b", List.of()), fallback()));

  @Test
  void withoutEvidenceTheBanditExploresEvenly() {
    Map<String, Integer> picks = picks(BanditEvidence.NONE, Map.of());
    assertThat(picks.get("a")).isBetween(VISITORS * 4 / 10, VISITORS * 6 / 10);
    assertThat(picks.get("b")).isBetween(VISITORS * 4 / 10, VISITORS * 6 / 10);
  }

  @Test
  void strongEvidenceConcentratesTrafficButNeverStarvesTheLoser() {
    BanditEvidence evidence =
        evidence(Map.of("everyone|a", arm("a", 2000, 600), "everyone|b", arm("b", 2000, 100)));
    Map<String, Integer> picks = picks(evidence, Map.of());
    // 90% exploit (a is certainly better) + half of the 10% exploration: about 95% for a.
    assertThat(picks.get("a")).isBetween(VISITORS * 92 / 100, VISITORS * 97 / 100);
    // The floor: exploration alone gives b about 5%.
    assertThat(picks.get("b")).isBetween(VISITORS * 3 / 100, VISITORS * 8 / 100);
  }

  @Test
  void eachSegmentContextLearnsOnItsOwn() {
    SlotRule withBenelux =
        new SlotRule(
            "hero",
            Set.of("web"),
            Strategy.BANDIT,
            List.of(
                variant("a", List.of()),
                variant("b", List.of()),
                variant("nl", List.of("benelux")),
                fallback()));
    BanditEvidence evidence =
        evidence(
            Map.of(
                "everyone|a", arm("a", 3000, 900),
                "everyone|b", arm("b", 3000, 90),
                "benelux|a", arm("a", 3000, 90),
                "benelux|b", arm("b", 3000, 900),
                "benelux|nl", arm("nl", 3000, 90)));
    Map<String, Integer> elsewhere = picks(withBenelux, evidence, Map.of("geo.country", "DE"));
    Map<String, Integer> benelux = picks(withBenelux, evidence, Map.of("geo.country", "NL"));
    assertThat(elsewhere.getOrDefault("a", 0)).isGreaterThan(VISITORS * 9 / 10);
    assertThat(benelux.getOrDefault("b", 0)).isGreaterThan(VISITORS * 9 / 10);
    assertThat(BanditContext.of(withBenelux, visitor(Map.of("geo.country", "BE"))))
        .isEqualTo("benelux");
    assertThat(BanditContext.of(withBenelux, visitor(Map.of("geo.country", "FR"))))
        .isEqualTo(BanditContext.EVERYONE);
  }

  @Test
  void aVisitorKeepsTheirPickWhileTheEvidenceStaysPut() {
    BanditEvidence evidence =
        evidence(Map.of("everyone|a", arm("a", 50, 10), "everyone|b", arm("b", 50, 9)));
    for (int i = 0; i < 50; i++) {
      DecisionInput input = input("visitor-" + i, evidence);
      String first = decider.decide(slot, visitor(Map.of()), input).variant().orElseThrow().key();
      for (int again = 0; again < 5; again++) {
        assertThat(decider.decide(slot, visitor(Map.of()), input).variant().orElseThrow().key())
            .isEqualTo(first);
      }
    }
  }

  @Test
  void theReasonSaysItIsAnOptimisationAndShowsTheEvidence() {
    BanditEvidence evidence =
        evidence(Map.of("everyone|a", arm("a", 40, 12), "everyone|b", arm("b", 30, 3)));
    Decision d = decider.decide(slot, visitor(Map.of()), input("visitor-1", evidence));
    assertThat(d.reason())
        .contains("Thompson sampling (an optimisation, not a test)")
        .contains("a 12/40")
        .contains("b 3/30")
        .contains("visitors in none of the slot's segments");
  }

  private Map<String, Integer> picks(BanditEvidence evidence, Map<String, ?> attributes) {
    return picks(slot, evidence, attributes);
  }

  private Map<String, Integer> picks(
      SlotRule rule, BanditEvidence evidence, Map<String, ?> attributes) {
    Map<String, Integer> picks = new HashMap<>();
    for (int i = 0; i < VISITORS; i++) {
      String key =
          decider
              .decide(rule, visitor(attributes), input("visitor-" + i, evidence))
              .variant()
              .orElseThrow()
              .key();
      picks.merge(key, 1, Integer::sum);
    }
    return picks;
  }

  private static BanditEvidence evidence(Map<String, BanditArm> byContextAndVariant) {
    return (slot, context, variant) ->
        byContextAndVariant.getOrDefault(context + "|" + variant, new BanditArm(variant, 0, 0));
  }

  private static BanditArm arm(String key, long trials, long successes) {
    return new BanditArm(key, trials, successes);
  }

  private VisitorContext visitor(Map<String, ?> attributes) {
    return VisitorContext.builder(NOW, ZONE)
        .attributes(attributes)
        .segmentResolver(segments.resolver())
        .build();
  }

  private static DecisionInput input(String visitor, BanditEvidence evidence) {
    return new DecisionInput("web", "nl-NL", visitor, Set.of(), false, evidence);
  }

  private static VariantRule variant(String key, List<String> segments) {
    return new VariantRule(
        key, segments, SegmentMatch.ANY, Set.of(), Set.of(), 0, 1, null, null, false, null);
  }

  private static VariantRule fallback() {
    return new VariantRule(
        "default", List.of(), SegmentMatch.ANY, Set.of(), Set.of(), 0, 1, null, null, true, null);
  }
}
