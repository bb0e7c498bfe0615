package dev.bespoke.server.context.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.bespoke.server.testsupport.GoldenFiles;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The server's reader of the {@code bespoke_consent} value against {@code
 * golden/consent-cookie.json}, one test per case. {@code ConsentCookieBrowserTest} runs the same
 * file against the browser script's reader, so the two cannot drift apart.
 */
class ConsentCookieGoldenTest {

  static final String FILE = "consent-cookie.json";

  private final ConsentResolver consents = new ConsentResolver();

  @TestFactory
  Stream<DynamicTest> everyDocumentedFormReadsAsTheGoldenFileSays() {
    return GoldenFiles.cases(FILE).stream()
        .map(
            c ->
                dynamicTest(
                    c.get("name") + ": " + c.get("cookie"),
                    () ->
                        assertThat(consents.parseCookie((String) c.get("cookie")))
                            .isEqualTo(expected(c))));
  }

  static Consent expected(Map<String, Object> c) {
    return new Consent(
        ConsentState.of((Boolean) c.get("personalization")),
        ConsentState.of((Boolean) c.get("analytics")));
  }
}
