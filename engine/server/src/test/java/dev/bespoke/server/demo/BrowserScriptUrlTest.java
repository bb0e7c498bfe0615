package dev.bespoke.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The browser script, as the server serves it, never writes a URL into {@code href} or {@code src}
 * that a browser would read as anything but http, https or a relative reference. The decisions are
 * answered here rather than by the server, which refuses such URLs when they are saved: the script
 * must hold on its own against content saved before that rule, a proxy, or another server.
 *
 * <p>Each payload goes through the three places the script writes URLs: the built-in renderer's
 * call to action ({@code ctaUrl}), a template's {@code data-field-href} and a template's {@code
 * data-field-src} (on an iframe, which runs a {@code javascript:} source without a click).
 */
@QuarkusTest
class BrowserScriptUrlTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A {@code javascript:} payload that leaves a mark in the page when it runs. */
  private static final String RUN = "void(top.__ran.push(1))";

  /** A {@code data:} document that tells the page when it runs. */
  private static final String DATA_DOC = "text/html,<script>parent.postMessage('ran','*')</script>";

  private static final String PAGE =
      """
      <!doctype html><html><head><meta charset="utf-8"><title>URL safety</title></head><body>
      <script>
        window.__ran = [];
        addEventListener('message', function (e) { if (e.data === 'ran') window.__ran.push(1); });
      </script>
      <div id="builtin" data-bespoke-slot="url-builtin"></div>
      <div id="link" data-bespoke-slot="url-link"><template>
        <a id="link-a" data-field="text" data-field-href="url">link</a></template></div>
      <div id="frame" data-bespoke-slot="url-frame"><template>
        <iframe id="frame-f" data-field-src="url"></iframe></template></div>
      <a id="control" href="javascript:void(window.__ran.push('control'))">control</a>
      <script src="/sdk/bespoke.js" data-timeout="5000"></script>
      </body></html>
      """;

  private static Playwright playwright;
  private static Browser browser;

  @TestHTTPResource("/")
  URL server;

  private BrowserContext context;
  private Page page;

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

  @BeforeEach
  void newVisitor() {
    context = browser.newContext();
    page = context.newPage();
  }

  @AfterEach
  void closeVisitor() {
    context.close();
  }

  static Stream<Arguments> dangerousUrls() {
    return Stream.of(
        Arguments.of("leading space", " javascript:" + RUN),
        Arguments.of("tab inside the scheme", "java\tscript:" + RUN),
        Arguments.of("newline inside the scheme", "java\nscript:" + RUN),
        Arguments.of("carriage return inside the scheme", "javas\rcript:" + RUN),
        Arguments.of("C0 control prefix", "\u0001javascript:" + RUN),
        Arguments.of("NUL and unit separator prefix", "\u0000\u001fjavascript:" + RUN),
        Arguments.of("mixed case", "JaVaScRiPt:" + RUN),
        Arguments.of("mixed case, tab and space", " \tJaVa\tScRiPt:" + RUN),
        Arguments.of("data:", "data:" + DATA_DOC),
        Arguments.of("data: after a newline", "\ndata:" + DATA_DOC),
        Arguments.of("vbscript:", "vbscript:msgbox(1)"),
        Arguments.of("vbscript: after a C0 control", "\u0008VBScript:msgbox(1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dangerousUrls")
  void aDangerousUrlIsNeitherWrittenNorRun(String name, String url) {
    open(url);
    // Click what the script rendered, then a link known to run: once the control's script has
    // run, a payload clicked before it would have run too.
    if (page.locator("#builtin a").count() > 0) {
      page.click("#builtin a");
    }
    page.click("#link-a");
    page.click("#control");
    page.waitForFunction("window.__ran.indexOf('control') >= 0");

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(page.evaluate("window.__ran.filter(function (r) { return r === 1; }).length"))
        .as("payloads that ran")
        .isEqualTo(0);
    soft.assertThat(writtenUrls()).as("URLs written into href or src").isEmpty();
    soft.assertThat(page.textContent("#builtin h2"))
        .as("the rest of the variant still shows")
        .isEqualTo("Title");
    soft.assertAll();
  }

  static Stream<Arguments> safeUrls() {
    return Stream.of(
        Arguments.of("https", "https://shop.example/sale?x=1#top"),
        Arguments.of("http, upper case", "HTTP://shop.example/sale"),
        Arguments.of("path", "/welcome"),
        Arguments.of("relative path", "sale/shoes.html"),
        Arguments.of("query", "?page=2"),
        Arguments.of("fragment", "#reviews"),
        Arguments.of("scheme-relative", "//cdn.shop.example/hero.png"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("safeUrls")
  void anHttpHttpsOrRelativeUrlIsWrittenAsGiven(String name, String url) {
    open(url);
    assertThat(page.getAttribute("#builtin a", "href")).isEqualTo(url);
    assertThat(page.getAttribute("#link-a", "href")).isEqualTo(url);
    assertThat(page.getAttribute("#frame-f", "src")).isEqualTo(url);
  }

  /** Loads the test page from the server's origin, with every slot's variant carrying the URL. */
  private void open(String url) {
    // Only the top document is the test page: a frame whose safe source resolves to it (a query,
    // a fragment) gets an empty page instead of a second copy of the slots.
    page.route(
        "**/url-safety.html*",
        route -> route.fulfill(html(route.request().frame().parentFrame() == null ? PAGE : "")));
    page.route("**/api/v1/decisions", route -> route.fulfill(json(decisions(url))));
    page.route(
        "**/api/v1/events", route -> route.fulfill(new Route.FulfillOptions().setStatus(202)));
    // The frame's safe URLs point nowhere real; answer them with an empty page.
    page.route("**/cdn.shop.example/**", route -> route.fulfill(html("")));
    page.route("**://shop.example/**", route -> route.fulfill(html("")));
    page.navigate(server.toString() + "url-safety.html");
    for (String slot : List.of("builtin", "link", "frame")) {
      page.waitForSelector("#" + slot + "[data-bespoke-state]");
      assertThat(page.getAttribute("#" + slot, "data-bespoke-state")).isEqualTo("rendered");
    }
  }

  private List<?> writtenUrls() {
    return (List<?>)
        page.evaluate(
            "[].slice.call(document.querySelectorAll("
                + "'[data-bespoke-slot] [href], [data-bespoke-slot] [src]'))"
                + ".map(function (n) { return n.getAttribute('href') || n.getAttribute('src'); })");
  }

  private static Map<String, Object> decisions(String url) {
    return Map.of(
        "visitorId",
        "v-url-safety",
        "decisions",
        List.of(
            decision(
                "url-builtin",
                Map.of("title", "Title", "ctaText", "Call to action", "ctaUrl", url)),
            decision("url-link", Map.of("text", "Link", "url", url)),
            decision("url-frame", Map.of("url", url))));
  }

  private static Map<String, Object> decision(String slot, Map<String, Object> fields) {
    return Map.of(
        "slot",
        slot,
        "decisionId",
        "d-" + slot,
        "variant",
        Map.of("key", "payload", "fields", fields));
  }

  private static Route.FulfillOptions html(String body) {
    return new Route.FulfillOptions()
        .setStatus(200)
        .setContentType("text/html; charset=utf-8")
        .setBody(body);
  }

  private static Route.FulfillOptions json(Object body) {
    try {
      return new Route.FulfillOptions()
          .setStatus(200)
          .setContentType("application/json")
          .setBody(JSON.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
