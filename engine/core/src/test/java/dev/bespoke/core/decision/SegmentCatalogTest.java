package dev.bespoke.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionParser;
import dev.bespoke.core.context.VisitorContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a visitor's export shows: the segments they are in and the data each one read. */
class SegmentCatalogTest {

  private final SegmentCatalog catalog =
      catalog(
          Map.of(
              "benelux", "{\"attr\":\"geo.country\",\"op\":\"in\",\"value\":[\"NL\",\"BE\"]}",
              "returning", "{\"attr\":\"visit.count\",\"op\":\"gte\",\"value\":2}",
              "loyal-benelux",
                  "{\"all\":[{\"op\":\"inSegment\",\"value\":\"benelux\"},"
                      + "{\"not\":{\"attr\":\"visit.first\",\"op\":\"eq\",\"value\":true}},"
                      + "{\"any\":[{\"attr\":\"profile.tier\",\"op\":\"eq\",\"value\":\"gold\"},"
                      + "{\"op\":\"inSegment\",\"value\":\"loyal-benelux\"}]}]}"));

  @Test
  void matchingListsTheVisitorsSegmentsInKeyOrder() {
    VisitorContext visitor =
        VisitorContext.builder(Instant.parse("2026-11-24T10:00:00Z"), ZoneId.of("UTC"))
            .attributes(
                Map.of(
                    "geo.country",
                    "NL",
                    "visit.count",
                    3,
                    "visit.first",
                    false,
                    "profile.tier",
                    "gold"))
            .segmentResolver(catalog.resolver())
            .build();
    assertThat(catalog.matching(visitor)).containsExactly("benelux", "loyal-benelux", "returning");
  }

  @Test
  void attributesFollowInSegmentReferencesOnceAndAreSorted() {
    assertThat(catalog.attributesOf("loyal-benelux"))
        .containsExactly("geo.country", "profile.tier", "visit.first");
    assertThat(catalog.attributesOf("returning")).containsExactly("visit.count");
    assertThat(catalog.attributesOf("unknown")).isEmpty();
  }

  private static SegmentCatalog catalog(Map<String, String> rules) {
    ConditionParser parser = new ConditionParser();
    Map<String, Condition> parsed = new HashMap<>();
    rules.forEach((k, v) -> parsed.put(k, parser.parse(v)));
    return SegmentCatalog.compile(parsed);
  }
}
