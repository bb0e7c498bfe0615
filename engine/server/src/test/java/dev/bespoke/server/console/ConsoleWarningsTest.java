package dev.bespoke.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the console warns about and estimates, in a real browser: a variant another one always
 * beats, the reach of segments after real decisions, a preview that includes drafts, and the
 * cumulative lift chart of a running holdout.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleWarningsTest {

  /** The console edits the default space. */
  private static final String SPACE = "default";

  /** Other tests decide in this space too, so the share may be small: it reads "under 1%". */
  private static final String SHARE = "(\\d+%|under 1%)";

  @TestHTTPResource("/")
  URL base;

  @Inject SnapshotRegistry snapshots;

  private ConsoleBrowser browser;
  private final String gold = UniqueKeys.unique("gold");
  private final String slot = UniqueKeys.unique("banner");
  private final String tagged = UniqueKeys.unique("for-gold");
  private final String everyone = UniqueKeys.unique("for-all");
  private final String newcomer = UniqueKeys.unique("draft-gold");
  private String experiment;

  @BeforeAll
  void startBrowser() {
    browser = ConsoleBrowser.start(base.toString());
  }

  /** Once per class; in {@code @BeforeEach} because REST Assured knows the port only then. */
  @BeforeEach
  void contentAndVisitors() {
    if (snapshots.get(SPACE).flatMap(s -> s.slot(slot)).isPresent()) {
      return;
    }
    Fixtures.create(
        Api.segments(SPACE),
        with(
            with(Samples.segment(gold), "name", "Gold members"),
            "rule",
            map("attr", "request.tier", "op", "eq", "value", "gold")));
    Fixtures.publish(Api.segments(SPACE) + "/" + gold);
    Fixtures.create(Api.slots(SPACE), Samples.slot(slot));
    Fixtures.publish(Api.slots(SPACE) + "/" + slot);
    String variants = Api.variants(SPACE, slot);
    Fixtures.create(variants, with(Samples.variant("base"), "isDefault", true));
    Fixtures.create(
        variants, with(with(Samples.variant(tagged), "segments", List.of(gold)), "priority", 10));
    Fixtures.create(variants, with(Samples.variant(everyone), "priority", 20));
    for (String v : List.of("base", tagged, everyone)) {
      Fixtures.publish(variants + "/" + v);
    }
    Eventually.until(
        Duration.ofSeconds(15),
        () ->
            snapshots
                .get(SPACE)
                .flatMap(s -> s.slot(slot))
                .map(s -> s.rule().variants().size() == 3)
                .orElse(false));
    for (String tier : List.of("gold", "gold", "gold", "silver")) {
      decide(Map.of("tier", tier));
    }
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void aShadowedVariantIsFlaggedAndTheWarningFollowsThePriority() {
    Page page = browser.signIn("editor", "editor", 1280);
    page.navigate(browser.url("/console/slots/" + slot));
    assertThat(page.locator("#variant-" + tagged + " .warning.conflict"))
        .containsText("can never be served");
    assertThat(page.locator("#variant-" + everyone + " .warning.conflict")).hasCount(0);

    page.navigate(browser.url("/console/slots/" + slot + "/variants/" + tagged));
    Locator checks = page.locator("#targeting-checks");
    assertThat(checks.locator(".conflicts"))
        .containsText(
            "Variant "
                + tagged
                + " can never be served: "
                + everyone
                + " has higher priority (20 over 10) and matches everyone "
                + tagged
                + " matches");
    // Reach of the tagged segment, from the decisions made above.
    assertThat(checks.locator(".reach"))
        .containsText(
            Pattern.compile("Gold members: " + SHARE + " of recent visitors \\([1-9]\\d* of \\d+"));
    ConsoleBrowser.screenshot(page, "variant-editor-warnings");

    // Raising the priority above the other variant's lifts the warning without saving.
    page.getByLabel("Priority").fill("30");
    page.getByLabel("Priority").dispatchEvent("change");
    assertThat(checks.locator(".conflicts")).hasCount(0);
    assertThat(checks.locator(".reach")).containsText("Gold members");
    page.context().close();
  }

  @Test
  @Order(2)
  void theSegmentBuilderEstimatesReachAndOverlap() {
    Page page = browser.signIn("editor", "editor", 1280);
    page.navigate(browser.url("/console/segments/" + gold));
    Locator reach = page.locator("#reach");
    assertThat(reach.locator(".reach-estimate"))
        .containsText(Pattern.compile(gold + ": " + SHARE + " of recent visitors \\([1-9]"));
    page.getByLabel("Compare with segment").selectOption(firstOther(page));
    assertThat(reach.locator(".overlap")).containsText("In both " + gold);
    ConsoleBrowser.screenshot(page, "segment-reach");
    page.context().close();
  }

  @Test
  @Order(3)
  void previewWithDraftsShowsWhatVisitorsWillSeeAfterPublishing() {
    Fixtures.create(
        Api.variants(SPACE, slot),
        with(with(Samples.variant(newcomer), "segments", List.of(gold)), "priority", 40));

    Page page = browser.signIn("editor", "editor", 1280);
    page.navigate(browser.url("/console/preview"));
    Locator contextForm =
        page.locator("form", new Page.LocatorOptions().setHas(page.locator("#context")));
    page.locator("#context").fill("{\"request.tier\": \"gold\"}");
    contextForm
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview this context"))
        .click();
    Locator decision = page.locator("section.decision[data-slot='" + slot + "']");
    assertThat(decision.locator(".chosen")).hasText(everyone);

    contextForm.getByLabel("Include drafts and changes in review").check();
    contextForm
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview this context"))
        .click();
    assertThat(
            page.locator(
                "h2", new Page.LocatorOptions().setHasText("once everything is published")))
        .isVisible();
    assertThat(decision.locator(".chosen")).hasText(newcomer);
    ConsoleBrowser.screenshot(page, "preview-drafts");
    page.context().close();
  }

  @Test
  @Order(4)
  void theResultsPageChartsCumulativeLift() {
    experiment =
        Fixtures.create(
            Api.experiments(SPACE), Samples.experiment(UniqueKeys.unique("lift"), slot));
    as(PUBLISHER)
        .post(Api.experiments(SPACE) + "/" + experiment + "/start")
        .then()
        .statusCode(StatusCode.OK);
    Eventually.until(
        Duration.ofSeconds(15),
        () -> snapshots.get(SPACE).flatMap(s -> s.experimentOn(slot)).isPresent());
    for (int i = 0; i < 40; i++) {
      JsonPath answer = decide(Map.of("tier", "gold"));
      if (i % 3 == 0) {
        given()
            .contentType(ContentType.JSON)
            .body(
                map(
                    "space",
                    SPACE,
                    "visitorId",
                    answer.getString("visitorId"),
                    "events",
                    List.of(map("type", "conversion", "goal", "purchase"))))
            .post("/api/v1/events")
            .then()
            .statusCode(StatusCode.ACCEPTED);
      }
    }

    Page page = browser.signIn("publisher", "publisher", 1280);
    page.navigate(browser.url("/console/experiments/" + experiment));
    Locator chart =
        page.getByRole(
            AriaRole.IMG, new Page.GetByRoleOptions().setName("Cumulative lift over time"));
    assertThat(chart).isVisible();
    assertThat(chart.locator("desc")).containsText("Cumulative difference in conversion rate");
    assertThat(chart.locator("desc")).containsText("personalised against control");
    assertThat(chart.locator("circle")).hasCount(1);
    ConsoleBrowser.screenshot(page, "experiment-results");
    page.context().close();
  }

  @Test
  @Order(5)
  void theDashboardShowsTheRunningExperimentsLiftAndSegmentsByReach() {
    JsonPath results =
        as(EDITOR)
            .get(Api.experiments(SPACE) + "/" + experiment + "/results")
            .then()
            .statusCode(StatusCode.OK)
            .extract()
            .jsonPath();
    String arm = results.getString("arms.find { it.vsControl != null }.key");
    String lift =
        String.format(
            Locale.ROOT,
            "%.2f%%",
            results.getDouble("arms.find { it.vsControl != null }.vsControl.absoluteLift") * 100);

    Page page = browser.signIn("editor", "editor", 1280);
    Locator running = page.locator("#running-experiments [data-experiment='" + experiment + "']");
    assertThat(running).containsText("on " + slot);
    Locator armLift = running.locator(".lifts li[data-arm='" + arm + "']");
    assertThat(armLift).containsText("Lift of " + arm + " over control");
    assertThat(armLift.locator(".lift")).hasText(lift);
    assertThat(running.locator(".verdict")).containsText("So far:");

    // Gold members took in three of the four visitors decided for above, so it has reach; the
    // list runs from the largest reach down.
    Locator goldRow = page.locator("#segments-by-reach [data-segment='" + gold + "']");
    assertThat(goldRow.locator(".reach"))
        .containsText(Pattern.compile(SHARE + " \\([1-9]\\d* of "));
    @SuppressWarnings("unchecked")
    List<Object> shares =
        (List<Object>)
            page.evaluate(
                "() => [...document.querySelectorAll('#segments-by-reach li.reached')]"
                    + ".map(li => Number(li.dataset.share))");
    assertThat(shares).hasSizeGreaterThan(1);
    for (int i = 1; i < shares.size(); i++) {
      assertThat(((Number) shares.get(i)).doubleValue())
          .as("reach at row %d", i)
          .isLessThanOrEqualTo(((Number) shares.get(i - 1)).doubleValue());
    }
    ConsoleBrowser.screenshot(page, "dashboard-lift-reach");
    page.context().close();
  }

  @Test
  @Order(6)
  void arrowsReorderPriorityAsAuditedDraftChanges() {
    Page page = browser.signIn("editor", "editor", 1280);
    page.navigate(browser.url("/console/slots/" + slot));
    // The draft from the preview test (priority 40) leads; then everyone (20), then tagged (10).
    Locator variants = page.locator("ol.variants > li");
    assertThat(variants.nth(1)).containsText("Variant " + everyone);

    // Keyboard only: focus the arrow button and press Enter.
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move Variant " + tagged + " up"))
        .focus();
    page.keyboard().press("Enter");
    assertThat(variants.nth(1)).containsText("Variant " + tagged);
    assertThat(variants.nth(2)).containsText("Variant " + everyone);
    assertThat(page.locator("#variant-" + tagged + " .badge.draft")).isVisible();
    // Out of everyone's shadow, into the draft's: the same segment at priority 40.
    assertThat(page.locator("#variant-" + tagged + " .warning.conflict"))
        .containsText(newcomer + " has higher priority (40 over 20)");

    as(EDITOR)
        .queryParam("entityType", "variant")
        .queryParam("entityKey", slot + "/" + tagged)
        .get(Api.audit(SPACE))
        .then()
        .statusCode(StatusCode.OK)
        .body("items[0].action", equalTo("update"))
        .body("items[0].actor", equalTo("editor"));
    page.context().close();
  }

  /** Any other segment in the compare list, so the overlap has two different segments. */
  private static String firstOther(Page page) {
    String value =
        (String)
            page.evaluate(
                "() => [...document.querySelectorAll('#compare option')]"
                    + ".map(o => o.value).find(v => v !== '')");
    assertThat(value).as("another segment to compare with").isNotNull();
    return value;
  }

  private JsonPath decide(Map<String, Object> traits) {
    return given()
        .contentType(ContentType.JSON)
        .body(map("space", SPACE, "channel", "web", "slots", List.of(slot), "traits", traits))
        .post("/api/v1/decisions")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }
}
