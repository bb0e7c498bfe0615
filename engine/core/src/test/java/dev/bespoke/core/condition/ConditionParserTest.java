package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the tree the parser builds; validation itself is in the golden vectors. */
class ConditionParserTest {
  private final ConditionParser parser = new ConditionParser();

  @Test
  void buildsTypedRecords() {
    Condition c =
        parser.parse(
            """
            {"all": [
              {"attr": "geo.country", "op": "in", "value": ["NL", "BE"]},
              {"any": [
                {"attr": "utm.source", "op": "eq", "value": "facebook"},
                {"attr": "referrer.host", "op": "endsWith", "value": "facebook.com"}]},
              {"attr": "behavior.views.category.shoes", "op": "gte", "value": 3, "within": "P30D"},
              {"not": {"attr": "visit.count", "op": "eq", "value": 1}},
              {"attr": "visit.pageviews", "op": "between", "value": [2, 5]},
              {"attr": "profile.plan", "op": "exists"}
            ]}
            """);

    assertThat(c)
        .isEqualTo(
            new All(
                List.of(
                    new Predicate(
                        "geo.country",
                        Operator.IN,
                        new Operand.Many(List.of(text("NL"), text("BE"))),
                        null),
                    new Any(
                        List.of(
                            new Predicate(
                                "utm.source", Operator.EQ, new Operand.One(text("facebook")), null),
                            new Predicate(
                                "referrer.host",
                                Operator.ENDS_WITH,
                                new Operand.One(text("facebook.com")),
                                null))),
                    new Predicate(
                        "behavior.views.category.shoes",
                        Operator.GTE,
                        new Operand.One(new Value.Num(3)),
                        Duration.ofDays(30)),
                    new Not(
                        new Predicate(
                            "visit.count", Operator.EQ, new Operand.One(new Value.Num(1)), null)),
                    new Predicate(
                        "visit.pageviews",
                        Operator.BETWEEN,
                        new Operand.Range(new Value.Num(2), new Value.Num(5)),
                        null),
                    new Predicate("profile.plan", Operator.EXISTS, new Operand.None(), null))));
  }

  @Test
  void readsBackLikeTheRule() {
    Condition c =
        parser.parse(
            """
            {"all": [
              {"attr": "geo.country", "op": "in", "value": ["NL", "BE"]},
              {"not": {"op": "inSegment", "value": "vip"}},
              {"any": [{"attr": "behavior.views.category.shoes", "op": "gte", "value": 3,
                        "within": "P30D"},
                       {"attr": "profile.plan", "op": "exists"},
                       {"attr": "visit.pageviews", "op": "between", "value": [2, 5.5]}]}]}
            """);

    assertThat(c)
        .hasToString(
            "all(geo.country in [NL, BE], not(inSegment vip), any(behavior.views.category.shoes"
                + " gte 3 within P30D, profile.plan exists, visit.pageviews between [2, 5.5]))");
  }

  @Test
  void dayNamesBecomeIsoNumbers() {
    assertThat(parser.parse("{\"attr\":\"time.dayOfWeek\",\"op\":\"eq\",\"value\":\"sunday\"}"))
        .isEqualTo(
            new Predicate("time.dayOfWeek", Operator.EQ, new Operand.One(new Value.Num(7)), null));
  }

  @Test
  void weeksAreWholeDays() {
    Predicate p =
        (Predicate)
            parser.parse(
                "{\"attr\":\"behavior.click.slot.hero\",\"op\":\"gt\",\"value\":0,\"within\":\"P2W\"}");

    assertThat(p.within()).isEqualTo(Duration.ofDays(14));
  }

  @Test
  void negativeZeroIsZero() {
    assertThat(parser.parse("{\"attr\":\"visit.count\",\"op\":\"eq\",\"value\":-0.0}"))
        .isEqualTo(parser.parse("{\"attr\":\"visit.count\",\"op\":\"eq\",\"value\":0}"));
  }

  @Test
  void everyProblemIsReportedInDocumentOrder() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    """
                    {"any": [
                      {"attr": "geo.country", "op": "resembles", "value": "NL"},
                      {"attr": "weather.temp", "op": "gt", "value": 20},
                      {"attr": "visit.count", "op": "eq", "value": "3", "note": "x"}]}
                    """))
        .isInstanceOfSatisfying(
            ConditionException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new RuleError("rule.any[0].op", "unknown operator \"resembles\""),
                        new RuleError(
                            "rule.any[1].attr", "unknown attribute namespace \"weather\""),
                        new RuleError("rule.any[2].note", "unknown field \"note\""),
                        new RuleError(
                            "rule.any[2].value",
                            "type mismatch: expected a number, got a string \"3\"")));
  }

  @Test
  void messagesNeverCarryLongOrControlText() {
    String ugly = "x".repeat(500) + "\r\nSet-Cookie: a=1";

    assertThatThrownBy(
            () ->
                parser.parse(
                    "{\"attr\":\"geo.country\",\"op\":\"" + ugly.replace("\r\n", "\\r\\n") + "\"}"))
        .isInstanceOfSatisfying(
            ConditionException.class,
            e -> {
              String message = e.errors().get(0).message();
              assertThat(message).hasSizeLessThan(100).doesNotContain("\r", "\n");
            });
  }

  @Test
  void nullAndMissingInputAreRejected() {
    assertThatThrownBy(() -> parser.parse((String) null)).isInstanceOf(ConditionException.class);
    assertThatThrownBy(() -> parser.parse((com.fasterxml.jackson.databind.JsonNode) null))
        .isInstanceOf(ConditionException.class);
  }

  private static Value text(String s) {
    return new Value.Text(s);
  }
}
