package dev.bespoke.server.context.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import dev.bespoke.server.demo.Browsers;
import dev.bespoke.server.testsupport.GoldenFiles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The browser script's reader of the {@code bespoke_consent} cookie against the same golden file as
 * the server's ({@link ConsentCookieGoldenTest}), in headless Chromium: each case's value is set
 * with {@code document.cookie}, then read back through {@code Bespoke.readConsent()} as the script
 * served at {@code /sdk/bespoke.js} reads it.
 */
@QuarkusTest
class ConsentCookieBrowserTest {

  private static Playwright playwright;
  private static Browser browser;

  @TestHTTPResource("/sdk/bespoke.js")
  URL script;

  @TestHTTPResource("/consent-golden.html")
  URL pageUrl;

  @BeforeAll
  static void startBrowser() {
    playwright = Playwright.create();
    browser = Browsers.chromium(playwright);
  }

  @AfterAll
  static void stopBrowser() {
    if (playwright != null) {
      playwright.close();
    }
  }

  /** A page of Bespoke's own origin that loads nothing but the script (and has no slots). */
  private Page scriptPage(BrowserContext context) {
    Page page = context.newPage();
    page.route(
        pageUrl.toString(),
        route ->
            route.fulfill(
                new Route.FulfillOptions()
                    .setContentType("text/html")
                    .setBody("<!doctype html><script src=\"" + script + "\"></script>")));
    page.navigate(pageUrl.toString());
    page.waitForFunction(
        "() => window.Bespoke && typeof window.Bespoke.readConsent === 'function'");
    return page;
  }

  /** The script reads the cookie while it starts; a cookie present then must not stop it. */
  @Test
  void theScriptStartsWithAConsentCookieAlreadySet() {
    try (BrowserContext context = browser.newContext()) {
      Page page = scriptPage(context);
      page.evaluate(
          "() => { document.cookie = 'bespoke_consent=personalization=granted&analytics=denied;"
              + " path=/'; }");
      page.reload();
      page.waitForFunction("() => window.Bespoke && window.Bespoke.ready");
      assertThat(page.evaluate("() => Bespoke.ready.then(() => Bespoke.readConsent())"))
          .isEqualTo(Map.of("personalization", true, "analytics", false));
    }
  }

  @TestFactory
  Stream<DynamicTest> theScriptReadsEveryFormAsTheGoldenFileSays() {
    BrowserContext context = browser.newContext();
    Page page = scriptPage(context);
    return GoldenFiles.cases(ConsentCookieGoldenTest.FILE).stream()
        .map(
            c ->
                dynamicTest(
                    c.get("name") + ": " + c.get("cookie"),
                    () -> {
                      @SuppressWarnings("unchecked")
                      Map<String, Object> read =
                          (Map<String, Object>)
                              page.evaluate(
                                  "raw => { document.cookie = 'bespoke_consent=' + raw +"
                                      + " ';path=/'; return Bespoke.readConsent(); }",
                                  c.get("cookie"));
                      Map<String, Object> expected = new HashMap<>();
                      expected.put("personalization", c.get("personalization"));
                      expected.put("analytics", c.get("analytics"));
                      assertThat(read).isEqualTo(expected);
                    }))
        .onClose(context::close);
  }
}
