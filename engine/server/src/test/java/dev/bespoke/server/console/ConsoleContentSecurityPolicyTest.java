package dev.bespoke.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's Content-Security-Policy in a real Chromium: another site cannot frame it, and the
 * console itself (htmx, its own scripts, the charts, the sandboxed HTML preview) never trips it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleContentSecurityPolicyTest {

  /** Records every violation the page reports, from before its first script runs. */
  private static final String RECORD_VIOLATIONS =
      "window.__violations = [];"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.__violations.push(e.violatedDirective + ' blocked ' + e.blockedURI"
          + "    + ' at ' + e.sourceFile + ':' + e.lineNumber);"
          + "});";

  // Plain http like the console under test: an https page could not frame it anyway (mixed
  // content).

  @TestHTTPResource("/")
  URL base;

  private ConsoleBrowser browser;

  @BeforeAll
  void startBrowser() {
    browser = ConsoleBrowser.start(base.toString());
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anotherSiteCannotFrameTheConsole() throws IOException {
    String slot = DefaultSpaceLab.slotWithThreeVariants();
    Page page = browser.signIn("editor", "editor", 1280);
    try (FramingSite attacker = FramingSite.start()) {
      for (String path : List.of("/console/login", "/console", "/console/slots/" + slot)) {
        page.navigate(attacker.framing(browser.url(path)));
        Frame victim = page.frames().stream().filter(f -> f != page.mainFrame()).findFirst().get();
        victim.waitForLoadState();
        assertThat(victim.locator("main, form, nav").count())
            .as("the console's %s inside another site's frame (%s)", path, victim.url())
            .isZero();
      }
      // The same site frames a page of ours that may be framed: the check above can see a frame.
      page.navigate(attacker.framing(browser.url("/q/health/live")));
      Frame control = page.frames().stream().filter(f -> f != page.mainFrame()).findFirst().get();
      assertThat(control.content()).contains("UP");
    }
    page.context().close();
  }

  @Test
  void theConsolesOwnPagesRaiseNoViolations() {
    String slot = DefaultSpaceLab.slotWithThreeVariants();
    String experiment = DefaultSpaceLab.startedAb(slot);
    List<String> pages =
        List.of(
            "/console",
            "/console/slots",
            "/console/slots/" + slot,
            "/console/slots/" + slot + "/variants/new",
            "/console/slots/" + slot + "/variants/" + DefaultSpaceLab.WINNER,
            "/console/segments",
            "/console/segments/new",
            "/console/preview",
            "/console/review",
            "/console/experiments",
            "/console/experiments/" + experiment,
            "/console/audit");
    Page page = browser.signIn("publisher", "publisher", 1280);
    page.context().addInitScript(RECORD_VIOLATIONS);
    List<String> reported = new ArrayList<>();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            reported.add(page.url() + ": " + m.text());
          }
        });
    for (String path : pages) {
      page.navigate(browser.url(path));
      page.waitForLoadState();
      exerciseHtmx(page, path);
      @SuppressWarnings("unchecked")
      List<String> violations = (List<String>) page.evaluate("window.__violations");
      assertThat(violations).as("violations on %s", path).isEmpty();
      assertThat(page.evaluate("typeof htmx")).as("htmx loaded on %s", path).isEqualTo("object");
    }
    assertThat(reported).as("CSP reports in the browser console").isEmpty();
    page.context().close();
  }

  /**
   * Makes htmx swap a fragment in (targeting checks, the segment reach estimate) and types into the
   * HTML preview, so their scripts and styles run under the policy too.
   */
  private static void exerciseHtmx(Page page, String path) {
    if (path.endsWith("/variants/new")) {
      // A variant's pictures come from the site's own image host: the preview shows them.
      page.route(
          "https://images.shop.example/**",
          route -> route.fulfill(new Route.FulfillOptions().setStatus(404)));
      page.locator("#html")
          .fill("<h2>Spring sale</h2><p><img src=\"https://images.shop.example/a.png\" alt=\"\">");
      page.waitForResponse(
          r -> r.url().endsWith("/targeting") && r.status() == 200,
          () -> page.locator("#html").dispatchEvent("change"));
    }
    if (path.endsWith("/segments/new")) {
      page.waitForResponse(
          r -> r.url().endsWith("/console/reach/segment"), () -> page.locator("#estimate").click());
    }
  }
}
