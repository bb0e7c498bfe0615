package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RELIABILITY.md row 34: segments that refer to themselves, cycles, unknown segments. */
class SegmentGraphTest {
  private final ConditionParser parser = new ConditionParser();

  private Condition rule(String json) {
    return parser.parse(json);
  }

  private Condition in(String key) {
    return rule("{\"op\":\"inSegment\",\"value\":\"" + key + "\"}");
  }

  private final Condition plain = rule("{\"attr\":\"geo.country\",\"op\":\"eq\",\"value\":\"NL\"}");

  @Test
  void soundGraphHasNoErrors() {
    Map<String, Condition> segments =
        Map.of(
            "benelux", plain,
            "returning", rule("{\"attr\":\"visit.count\",\"op\":\"gt\",\"value\":1}"),
            "benelux-returning",
                rule(
                    "{\"all\":[{\"op\":\"inSegment\",\"value\":\"benelux\"},"
                        + "{\"op\":\"inSegment\",\"value\":\"returning\"}]}"));

    assertThat(SegmentGraph.check(segments)).isEmpty();
    assertThat(SegmentGraph.checkSegment("benelux-returning", segments)).isEmpty();
  }

  @Test
  void selfReferenceIsReportedAtThePredicate() {
    Map<String, Condition> segments =
        Map.of(
            "loop",
            rule(
                "{\"any\":[{\"attr\":\"channel\",\"op\":\"eq\",\"value\":\"web\"},"
                    + "{\"not\":{\"op\":\"inSegment\",\"value\":\"loop\"}}]}"));

    assertThat(SegmentGraph.check(segments))
        .containsExactly(
            new RuleError(
                "segments.loop.rule.any[1].not.value", "segment \"loop\" refers to itself"));
    assertThat(SegmentGraph.checkSegment("loop", segments))
        .containsExactly(
            new RuleError("rule.any[1].not.value", "segment \"loop\" refers to itself"));
  }

  @Test
  void twoSegmentCycleIsReportedInBoth() {
    Map<String, Condition> segments = Map.of("a", in("b"), "b", in("a"));

    assertThat(SegmentGraph.check(segments))
        .containsExactly(
            new RuleError("segments.a.rule.value", "inSegment cycle: a -> b -> a"),
            new RuleError("segments.b.rule.value", "inSegment cycle: b -> a -> b"));
  }

  @Test
  void longerCycleNamesEverySegmentOnIt() {
    Map<String, Condition> segments =
        Map.of(
            "a",
            in("b"),
            "b",
            in("c"),
            "c",
            rule("{\"all\":[{\"op\":\"inSegment\",\"value\":\"a\"}]}"));

    assertThat(SegmentGraph.checkSegment("c", segments))
        .containsExactly(new RuleError("rule.all[0].value", "inSegment cycle: c -> a -> b -> c"));
  }

  @Test
  void unknownSegmentIsReported() {
    Map<String, Condition> segments = Map.of("a", in("ghost"));

    assertThat(SegmentGraph.checkSegment("a", segments))
        .containsExactly(new RuleError("rule.value", "unknown segment \"ghost\""));
  }

  @Test
  void chainsLongerThanTheLimitAreRefused() {
    Map<String, Condition> segments = new LinkedHashMap<>();
    for (int i = 1; i < Limits.MAX_SEGMENT_CHAIN; i++) {
      segments.put("s" + i, in("s" + (i + 1)));
    }
    segments.put("s" + Limits.MAX_SEGMENT_CHAIN, plain);
    assertThat(SegmentGraph.check(segments)).isEmpty();

    segments.put("s0", in("s1"));

    assertThat(SegmentGraph.checkSegment("s0", segments))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("at most 8 segments long"));
  }

  @Test
  void aLongChainElsewhereIsWalkedWithoutRecursion() {
    Map<String, Condition> segments = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      segments.put("s" + i, in("s" + (i + 1)));
    }
    segments.put("s20000", in("s0"));

    assertThat(SegmentGraph.checkSegment("s0", segments))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("inSegment cycle: s0 -> s1 -> s2"));
  }

  @Test
  void referencedSegmentsListsEveryInSegmentKey() {
    Condition c =
        rule(
            "{\"all\":[{\"op\":\"inSegment\",\"value\":\"a\"},{\"not\":{\"any\":["
                + "{\"op\":\"inSegment\",\"value\":\"b\"},"
                + "{\"attr\":\"channel\",\"op\":\"eq\",\"value\":\"c\"}]}}]}");

    assertThat(c.referencedSegments()).containsExactlyInAnyOrder("a", "b");
  }
}
