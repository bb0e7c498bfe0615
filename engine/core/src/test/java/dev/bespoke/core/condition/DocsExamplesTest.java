package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every {@code json} example in docs/conditions.md is a rule the parser accepts. */
class DocsExamplesTest {
  private static final Path DOC = Path.of("../../docs/conditions.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  @TestFactory
  Stream<DynamicTest> examplesParse() throws IOException {
    assumeTrue(Files.exists(DOC), "docs are checked when building inside the repository");
    Matcher m = JSON_BLOCK.matcher(Files.readString(DOC));
    List<String> examples = new ArrayList<>();
    while (m.find()) {
      examples.add(m.group(1));
    }
    assertThat(examples).hasSizeGreaterThan(16);
    ConditionParser parser = new ConditionParser();
    return examples.stream()
        .map(
            json ->
                dynamicTest(json.strip().lines().findFirst().orElse(""), () -> parser.parse(json)));
  }
}
