package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.core.testsupport.Contexts;
import dev.bespoke.core.testsupport.GoldenFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the language-neutral golden vectors: {@code golden/conditions.json} (rule, context, expected
 * match) and {@code golden/invalid-rules.json} (rule, expected error path). Other clients of the
 * rule language can run the same files.
 */
class GoldenConditionsTest {
  private final ConditionParser parser = new ConditionParser();
  private final ConditionCompiler compiler = new ConditionCompiler();

  @TestFactory
  Stream<DynamicTest> conditions() {
    return GoldenFiles.cases("conditions.json").stream()
        .map(c -> dynamicTest(c.get("name").textValue(), () -> evaluate(c)));
  }

  private void evaluate(JsonNode c) {
    CompiledCondition compiled = compiler.compile(parser.parse(GoldenFiles.write(c.get("rule"))));
    boolean expected = c.get("expected").booleanValue();
    assertThat(compiled.test(Contexts.fromJson(c.get("context"))))
        .as("rule %s", c.get("rule"))
        .isEqualTo(expected);
    // The tree the server may already hold must mean the same as the text.
    assertThat(
            compiler.compile(parser.parse(c.get("rule"))).test(Contexts.fromJson(c.get("context"))))
        .isEqualTo(expected);
  }

  @TestFactory
  Stream<DynamicTest> invalidRules() {
    return GoldenFiles.cases("invalid-rules.json").stream()
        .map(c -> dynamicTest(c.get("name").textValue(), () -> reject(c)));
  }

  private void reject(JsonNode c) {
    String path = c.get("path").textValue();
    String message = c.path("message").asText("");
    if (c.has("ruleText")) {
      assertRejected(c.get("ruleText").textValue(), path, message);
      return;
    }
    assertRejected(GoldenFiles.write(c.get("rule")), path, message);
    List<RuleError> fromTree =
        catchThrowableOfType(ConditionException.class, () -> parser.parse(c.get("rule"))).errors();
    assertThat(fromTree).anySatisfy(e -> assertError(e, path, message));
  }

  private void assertRejected(String rule, String path, String message) {
    ConditionException e = catchThrowableOfType(ConditionException.class, () -> parser.parse(rule));
    assertThat(e).as("rule %s", rule).isNotNull();
    assertThat(e.errors()).anySatisfy(error -> assertError(error, path, message));
  }

  private static void assertError(RuleError error, String path, String message) {
    assertThat(error.path()).isEqualTo(path);
    assertThat(error.message()).contains(message);
  }

  @Test
  void goldenFilesAreLargeEnoughToMeanSomething() {
    assertThat(GoldenFiles.cases("conditions.json")).hasSizeGreaterThanOrEqualTo(170);
    assertThat(GoldenFiles.cases("invalid-rules.json")).hasSizeGreaterThanOrEqualTo(40);
  }
}
