package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.testsupport.Contexts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY.md rows 24-34: rules written to break the parser, the evaluator or the server. */
class HostileRulesTest {
  private final ConditionParser parser = new ConditionParser();
  private final ConditionCompiler compiler = new ConditionCompiler();

  @Test
  void nestingTenThousandDeepIsRejectedWithoutStackOverflow() {
    String deep =
        "{\"all\":[".repeat(10_000)
            + "{\"attr\":\"channel\",\"op\":\"eq\",\"value\":\"web\"}"
            + "]}".repeat(10_000);

    ConditionException e = catchThrowableOfType(ConditionException.class, () -> parser.parse(deep));

    assertThat(e.errors())
        .singleElement()
        .satisfies(err -> assertThat(err.path()).isEqualTo("rule"));
    assertThat(e.errors().get(0).message()).contains("nested deeper than 64");
  }

  @Test
  void nestingOfUnknownKeysTenThousandDeepIsRejected() {
    String deep = "{\"and\":[".repeat(10_000) + "]}".repeat(10_000);

    assertThatThrownBy(() -> parser.parse(deep)).isInstanceOf(ConditionException.class);
  }

  @Test
  void treeTenThousandDeepFromAnotherMapperIsRejectedAtDepth17() {
    JsonNode leaf =
        JsonNodeFactory.instance
            .objectNode()
            .put("attr", "channel")
            .put("op", "eq")
            .put("value", "web");
    JsonNode node = leaf;
    for (int i = 0; i < 10_000; i++) {
      ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
      wrapper.putArray("any").add(node);
      node = wrapper;
    }
    JsonNode root = node;

    ConditionException e = catchThrowableOfType(ConditionException.class, () -> parser.parse(root));

    assertThat(e.errors()).singleElement();
    assertThat(e.errors().get(0).message()).contains("at most 16 deep");
  }

  @Test
  void inListOfAMillionAndOneValuesIsRejectedQuickly() {
    StringBuilder json = new StringBuilder("{\"attr\":\"profile.id\",\"op\":\"in\",\"value\":[");
    for (int i = 0; i <= 1_000_000; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(i).append('"');
    }
    String rule = json.append("]}").toString();

    ConditionException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> catchThrowableOfType(ConditionException.class, () -> parser.parse(rule)));

    assertThat(e.errors())
        .containsExactly(new RuleError("rule.value", "in takes at most 1000 values"));
  }

  @Test
  void inListOfAMillionValuesInATreeIsRejectedWithoutVisitingThem() {
    ObjectNode rule =
        JsonNodeFactory.instance.objectNode().put("attr", "profile.id").put("op", "notIn");
    ArrayNode values = rule.putArray("value");
    for (int i = 0; i < 1_000_000; i++) {
      values.add(i);
    }

    ConditionException e = catchThrowableOfType(ConditionException.class, () -> parser.parse(rule));

    assertThat(e.errors()).extracting(RuleError::path).containsExactly("rule.value");
  }

  @Test
  void aHundredThousandSiblingConditionsAreRejectedOnce() {
    ObjectNode rule = JsonNodeFactory.instance.objectNode();
    ArrayNode any = rule.putArray("any");
    for (int i = 0; i < 100_000; i++) {
      any.addObject().put("attr", "visit.count").put("op", "eq").put("value", i);
    }

    ConditionException e = catchThrowableOfType(ConditionException.class, () -> parser.parse(rule));

    assertThat(e.errors())
        .containsExactly(new RuleError("rule", "a rule holds at most 256 conditions"));
  }

  @Test
  void errorsAreCappedSoABadRuleCannotMakeAHugeAnswer() {
    StringBuilder json = new StringBuilder("{\"attr\":\"visit.count\",\"op\":\"in\",\"value\":[");
    for (int i = 0; i < 1_000; i++) {
      json.append(i == 0 ? "" : ",").append("\"x\"");
    }
    ConditionException e =
        catchThrowableOfType(
            ConditionException.class, () -> parser.parse(json.append("]}").toString()));

    assertThat(e.errors()).hasSize(RuleReader.MAX_ERRORS + 1);
    assertThat(e.errors().get(RuleReader.MAX_ERRORS).message()).contains("not shown");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "(a+)+$                       ; true  ; false",
        "(a|aa)*b                     ; false ; false",
        "^(([a-z])+.)+[A-Z]([a-z])+$  ; false ; false",
        "(.*a){20}                    ; true  ; true",
        "(x+x+)+y                     ; false ; false"
      })
  void catastrophicPatternsRunInLinearTimeOnFiftyCharacters(
      String pattern, boolean onFiftyAs, boolean onFortyNineAsAndABang) {
    CompiledCondition c = compile("page.path", "matches", pattern);

    assertThat(c.test(path("a".repeat(50)))).isEqualTo(onFiftyAs);
    assertThat(c.test(path("a".repeat(49) + "!"))).isEqualTo(onFortyNineAsAndABang);
  }

  @ParameterizedTest
  @ValueSource(strings = {"(a+)+$", "(a|aa)*b"})
  void catastrophicPatternsOnAMegabyteInputLookOnlyAtTheFirst2048Characters(String pattern) {
    CompiledCondition c = compile("referrer.host", "matches", pattern);
    String megabyte = "a".repeat(1 << 20);
    String bTooLate = "a".repeat(2_048) + "b";

    assertThat(c.test(referrer(megabyte))).isEqualTo(pattern.equals("(a+)+$"));
    assertThat(c.test(referrer(bTooLate))).isEqualTo(pattern.equals("(a+)+$"));
    assertThat(compile("referrer.host", "matches", "b$").test(referrer(bTooLate))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${jndi:ldap://127.0.0.1/a}",
        "#{7*7}",
        "{{7*7}}",
        "T(java.lang.Runtime).getRuntime().exec('touch /tmp/bespoke-pwned')",
        "script::Runtime r = Runtime.getRuntime(); r.exec(\"touch /tmp/bespoke-pwned\");",
        "(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime())"
      })
  void injectionStringsAreStoredAndComparedAsPlainText(String payload) {
    Condition parsed =
        parser.parse(
            JsonNodeFactory.instance
                .objectNode()
                .put("attr", "utm.source")
                .put("op", "eq")
                .put("value", payload));

    assertThat(parsed).isEqualTo(new Predicate("utm.source", Operator.EQ, one(payload), null));
    CompiledCondition c = compiler.compile(parsed);
    assertThat(c.test(Contexts.now().attribute("utm.source", payload).build())).isTrue();
    assertThat(c.test(Contexts.now().attribute("utm.source", "49").build())).isFalse();
    assertThat(new java.io.File("/tmp/bespoke-pwned")).doesNotExist();
  }

  @Test
  void injectionStringsAsAttributePathsAreUnknownNamespaces() {
    for (String attr : List.of("${jndi:ldap://x}", "class.classLoader", "T(java.lang.Runtime)")) {
      ConditionException e =
          catchThrowableOfType(
              ConditionException.class,
              () -> parser.parse("{\"attr\":\"" + attr + "\",\"op\":\"exists\"}"));
      assertThat(e.errors()).extracting(RuleError::path).containsExactly("rule.attr");
    }
  }

  @Test
  void polymorphicTypeHintsAreUnknownFields() {
    ConditionException e =
        catchThrowableOfType(
            ConditionException.class,
            () ->
                parser.parse(
                    "{\"@class\":\"com.sun.rowset.JdbcRowSetImpl\",\"dataSourceName\":\"ldap://x\","
                        + "\"autoCommit\":true}"));

    assertThat(e.errors())
        .extracting(RuleError::path)
        .containsExactly("rule.@class", "rule.dataSourceName", "rule.autoCommit");
  }

  private CompiledCondition compile(String attr, String op, String value) {
    return compiler.compile(
        parser.parse(
            JsonNodeFactory.instance
                .objectNode()
                .put("attr", attr)
                .put("op", op)
                .put("value", value)));
  }

  private static VisitorContext path(String path) {
    return Contexts.now().attribute("page.path", path).build();
  }

  private static VisitorContext referrer(String host) {
    return Contexts.now().attribute("referrer.host", host).build();
  }

  private static Operand one(String text) {
    return new Operand.One(new Value.Text(text));
  }
}
