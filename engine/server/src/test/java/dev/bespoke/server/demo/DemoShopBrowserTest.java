package dev.bespoke.server.demo;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import dev.bespoke.server.profile.testsupport.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo shop in a real browser: the script fills the slots, respects consent, follows the
 * persona, reports impressions and clicks, and never hides a slot longer than its timeout.
 */
@QuarkusTest
class DemoShopBrowserTest {

  private static Playwright playwright;
  private static Browser browser;

  @TestHTTPResource("/demo/")
  URL shop;

  @TestHTTPResource("/demo/app")
  URL app;

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
    warmUp();
    context = browser.newContext();
    page = context.newPage();
    generousTimeout();
  }

  /**
   * The shared 2-core build machines can take longer than 400 ms for a first consented decision;
   * tests of what the script renders give it a budget that load cannot break. The timeout test
   * below keeps the default 400 ms.
   */
  private void generousTimeout() {
    page.addInitScript(
        "if (!sessionStorage.getItem('bespoke-demo-persona'))"
            + " sessionStorage.setItem('bespoke-demo-persona', JSON.stringify({timeout: 5000}));");
  }

  /**
   * The first decisions of a freshly booted test JVM run cold code; a page would fall back to its
   * defaults at 400 ms, which is the script working, but not what most tests here are about.
   */
  private static void warmUp() {
    for (int i = 0; i < 20; i++) {
      given()
          .contentType("application/json")
          .body(
              "{\"channel\":\"web\",\"slots\":[\"home-hero\",\"promo-bar\"],"
                  + "\"consent\":{\"personalization\":false}}")
          .post("/api/v1/decisions")
          .then()
          .statusCode(200);
    }
  }

  /** A visitor whose browser asks for Dutch, as the Benelux variants are in Dutch. */
  private void dutchVisitor() {
    context.close();
    context = browser.newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
    page = context.newPage();
    generousTimeout();
  }

  @AfterEach
  void closeVisitor() {
    context.close();
  }

  private String settled(String slot) {
    page.waitForSelector("[data-bespoke-slot=" + slot + "][data-bespoke-state]");
    return page.getAttribute("[data-bespoke-slot=" + slot + "]", "data-bespoke-state");
  }

  private Optional<Cookie> visitorCookie() {
    return context.cookies().stream().filter(c -> c.name.equals("bespoke_vid")).findFirst();
  }

  @Test
  void theScriptFillsBothSlotsAndSetsNoVisitorCookieWithoutConsent() {
    page.navigate(shop.toString());
    assertThat(settled("home-hero")).isEqualTo("rendered");
    assertThat(settled("promo-bar")).isEqualTo("rendered");
    assertThat(page.getAttribute("#hero", "data-bespoke-variant")).isEqualTo("home-hero-default");
    assertThat(page.textContent("#hero h1")).isEqualTo("New season, new favourites");
    assertThat(page.textContent("#why")).isNotBlank();
    assertThat(visitorCookie()).isEmpty();

    page.click("#decline");
    page.reload();
    assertThat(settled("home-hero")).isEqualTo("rendered");
    assertThat(visitorCookie()).isEmpty();
  }

  @Test
  void acceptingConsentStartsTheVisitorProfile() {
    page.navigate(shop.toString());
    settled("home-hero");
    page.click("#accept");
    Eventually.until(Duration.ofSeconds(5), () -> visitorCookie().isPresent());
  }

  @Test
  void switchingPersonaChangesTheHeroAndTheAppHeader() {
    dutchVisitor();
    page.navigate(shop.toString());
    settled("home-hero");
    page.waitForNavigation(() -> page.selectOption("#country", "NL"));
    assertThat(settled("home-hero")).isEqualTo("rendered");
    assertThat(page.getAttribute("#hero", "data-bespoke-variant")).isEqualTo("benelux-welcome");
    assertThat(page.textContent("#hero")).contains("Welkom terug");
    assertThat(page.textContent("#promo")).contains("Gratis verzending");

    page.waitForNavigation(() -> page.click("#facebook"));
    settled("home-hero");
    assertThat(page.getAttribute("#hero", "data-bespoke-variant")).isEqualTo("facebook-offer");
    assertThat(page.textContent("#hero h1")).isEqualTo("Your 10% welcome discount");
    assertThat(page.getAttribute("#hero a.cta", "href")).isEqualTo("/welcome");

    page.waitForNavigation(() -> page.click("#gold"));
    page.navigate(app.toString());
    page.waitForFunction("document.getElementById('json').textContent.includes('decisions')");
    assertThat(page.textContent("#json")).contains("gold-member-header");
  }

  @Test
  void anImpressionAndAClickReachTheEventsEndpoint() {
    // Record what the script hands to sendBeacon, then let the beacon go out as usual.
    page.addInitScript(
        "window.__beacons = []; var send = navigator.sendBeacon.bind(navigator);"
            + "navigator.sendBeacon = function (u, b) {"
            + "  b.text().then(function (t) { window.__beacons.push(t); });"
            + "  return send(u, b); };");
    page.navigate(shop.toString());
    settled("home-hero");
    page.click("#accept");
    page.waitForSelector("#hero[data-bespoke-state]");
    page.waitForSelector("#hero[data-bespoke-state=rendered]");
    page.waitForFunction(
        "window.__beacons.some(function (b) { return b.includes('impression'); })");
    String visitorId = (String) page.evaluate("Bespoke.visitorId()");
    assertThat(visitorId).isNotBlank();
    // The visit the impression recorded is in the profile.
    Eventually.until(
        Duration.ofSeconds(5),
        () ->
            as(ADMIN).get("/api/v1/admin/spaces/default/profiles/" + visitorId).statusCode()
                == 200);

    page.evaluate(
        "document.querySelector('#hero a').addEventListener('click', e => e.preventDefault())");
    page.click("#hero a");
    page.waitForFunction("window.__beacons.some(function (b) { return b.includes('click'); })");
    Eventually.until(
        Duration.ofSeconds(5),
        () ->
            as(ADMIN)
                .get("/api/v1/admin/spaces/default/profiles/" + visitorId)
                .asString()
                .contains("click.slot.home-hero"));
  }

  @Test
  void whenDecisionsAreSlowTheDefaultContentShowsAtTheTimeoutAndStays() {
    context.close();
    context = browser.newContext();
    page = context.newPage();
    List<Route> held = new ArrayList<>();
    page.route("**/api/v1/decisions", held::add);
    // A persona that would change the hero, so a late answer applied by mistake would show.
    page.addInitScript(
        "sessionStorage.setItem('bespoke-demo-persona', JSON.stringify({country: 'NL', timeout: 400}));"
            + "new MutationObserver(function (ms, o) {"
            + "  var s = [].slice.call(document.querySelectorAll('style')).some(function (e) {"
            + "    return e.textContent.indexOf('data-bespoke-slot') >= 0; });"
            + "  if (s && !window.__hiddenAt) window.__hiddenAt = performance.now();"
            + "  if (window.__hiddenAt && !window.__polling) { window.__polling = 1;"
            + "    (function poll() { var h = document.getElementById('hero');"
            + "      if (h && getComputedStyle(h).visibility === 'visible') {"
            + "        window.__shown = performance.now(); o.disconnect(); }"
            + "      else requestAnimationFrame(poll); })(); }"
            + "}).observe(document, {subtree: true, childList: true, attributes: true,"
            + "  attributeFilter: ['data-bespoke-state']});");
    page.navigate(shop.toString());
    assertThat(settled("home-hero")).isEqualTo("timeout");
    // From the moment the script hides the slots until the hero shows again.
    double hiddenFor = ((Number) page.evaluate("window.__shown - window.__hiddenAt")).doubleValue();
    // Measured with animation frames, which a loaded shared 2-core CI box delays too.
    System.out.printf("hero hidden for %.0f ms (timeout 400 ms)%n", hiddenFor);
    assertThat(hiddenFor).isBetween(350.0, 400.0 + 300);
    assertThat(page.evaluate("getComputedStyle(document.getElementById('hero')).visibility"))
        .isEqualTo("visible");
    assertThat(page.evaluate("getComputedStyle(document.getElementById('promo')).visibility"))
        .isEqualTo("visible");
    assertThat(page.textContent("#hero h1")).isEqualTo("New season, new favourites");

    page.waitForTimeout(1000);
    held.forEach(Route::resume);
    page.waitForTimeout(500);
    assertThat(page.textContent("#hero h1")).isEqualTo("New season, new favourites");
    assertThat(page.getAttribute("#hero", "data-bespoke-variant")).isNull();
  }

  @Test
  void theScriptIsServedVersionedWithALongCache() {
    given()
        .get("/sdk/1.0.0/bespoke.js")
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("immutable"))
        .body(containsString("version: '1.0.0'"));
    given()
        .get("/sdk/bespoke.js")
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("max-age=3600"));
  }
}
