package dev.bespoke.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An editor's day in the console, in a real browser: build a segment, a slot and two variants,
 * submit them; a publisher reviews the diff and publishes; "preview as" shows the new variant and
 * why; a holdout experiment is created, started and its results charted.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyTest {

  @TestHTTPResource("/")
  URL base;

  private ConsoleBrowser browser;
  private final String segment = UniqueKeys.unique("dutch");
  private final String slot = UniqueKeys.unique("hero");
  private final String generic = UniqueKeys.unique("plain");
  private final String greeting = UniqueKeys.unique("hallo");
  private final String persona = UniqueKeys.unique("amsterdam");

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
  @Order(1)
  void editorBuildsSegmentSlotAndVariantsAndSubmitsThem() {
    Page page = browser.signIn("editor", "editor", 1280);
    assertThat(page.getByText("Welcome, editor")).isVisible();
    ConsoleBrowser.screenshot(page, "dashboard");

    page.navigate(browser.url("/console/segments/new"));
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Dutch visitors");
    page.getByLabel("Key").fill(segment);
    Locator first = page.locator("[data-path='rule.all[0]']");
    first.locator("[data-role=value]").fill("NL, BE");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add NOT")).click();
    Locator negated = page.locator("[data-path='rule.all[1].not']");
    negated.locator("[data-role=attr]").fill("nosuch.thing");
    negated.locator("[data-role=attr]").dispatchEvent("change");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();

    // The server's validation error is shown inline at the row that caused it.
    Locator badRow = page.locator("[data-path='rule.all[1].not']");
    assertThat(badRow).hasClass(Pattern.compile("has-error"));
    assertThat(badRow.locator(".row-error")).containsText("nosuch");
    ConsoleBrowser.screenshot(page, "segment-builder-error");

    badRow.locator("[data-role=attr]").fill("utm.source");
    badRow.locator("[data-role=attr]").dispatchEvent("change");
    page.locator("[data-path='rule.all[1].not'] [data-role=value]").fill("competitor");
    page.locator("details summary", new Page.LocatorOptions().setHasText("JSON view")).click();
    String json = page.locator("#rule").inputValue();
    assertThat(json).contains("\"not\"").contains("competitor").contains("\"BE\"");
    ConsoleBrowser.screenshot(page, "segment-builder");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
    page.waitForURL(Pattern.compile(".*/console/segments/" + segment + "\\?saved"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
        .click();
    assertThat(page.locator(".badge.in_review")).isVisible();

    page.navigate(browser.url("/console/slots/new"));
    page.getByLabel("Name").fill("Campaign hero");
    page.getByLabel("Key").fill(slot);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create slot")).click();
    page.waitForURL(browser.url("/console/slots/" + slot));

    addVariant(page, generic, "Welcome", 10);
    addVariant(page, greeting, "Hallo Nederland", 20);
    assertThat(page.locator("ol.variants > li").first()).containsText("Hallo Nederland");
    assertThat(page.locator("ol.variants > li").first()).containsText("Checked first");
    ConsoleBrowser.screenshot(page, "slot");

    page.locator("#variant-" + greeting)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review"))
        .click();
    page.locator("#variant-" + generic)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review"))
        .click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit slot for review"))
        .click();
    assertThat(page.locator("#variant-" + greeting + " .badge.in_review")).isVisible();
    page.context().close();
  }

  @Test
  @Order(2)
  void publisherReviewsTheDiffAndPublishes() {
    Page page = browser.signIn("publisher", "publisher", 1280);
    page.navigate(browser.url("/console/review"));
    Locator change = page.locator("section.pending[data-key='" + greeting + "']");
    assertThat(change.locator("table.diff")).containsText("Hallo Nederland");
    assertThat(change.locator("table.diff")).containsText(segment);
    ConsoleBrowser.screenshot(page, "review");

    for (String key : new String[] {segment, slot, generic, greeting}) {
      page.locator("section.pending[data-key='" + key + "']")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish"))
          .click();
      assertThat(page.locator("p.notice")).containsText(key + " published");
    }
    page.navigate(browser.url("/console/slots/" + slot));
    assertThat(page.locator("#variant-" + greeting + " .badge.published")).isVisible();
    page.context().close();
  }

  @Test
  @Order(3)
  void previewAsAPersonaShowsTheNewVariantAndWhy() {
    Page page = browser.signIn("editor", "editor", 1280);
    page.navigate(browser.url("/console/preview"));
    page.locator("summary", new Page.LocatorOptions().setHasText("Save this context")).click();
    page.locator("#p-name").fill("Amsterdam shopper");
    page.locator("#p-key").fill(persona);
    page.locator("#p-context").fill("{\"geo.country\": \"NL\", \"device.type\": \"desktop\"}");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save persona")).click();

    Locator decision = page.locator("section.decision[data-slot='" + slot + "']");
    // Publishing swaps the engine's snapshot right after the transaction: allow it a moment.
    for (int i = 0; i < 20 && !decision.isVisible(); i++) {
      page.waitForTimeout(250);
      page.reload();
    }
    assertThat(decision.locator(".chosen")).hasText(greeting);
    assertThat(decision.locator(".reason")).containsText(segment);
    assertThat(decision).containsText("Hallo Nederland");
    ConsoleBrowser.screenshot(page, "preview");
    page.context().close();
  }

  @Test
  @Order(4)
  void holdoutIsCreatedStartedAndItsResultsCharted() {
    Page page = browser.signIn("publisher", "publisher", 1280);
    page.navigate(browser.url("/console/slots/" + slot));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run a holdout")).click();
    page.waitForURL(browser.url("/console/experiments/" + slot + "-holdout"));
    assertThat(page.locator(".badge.draft")).isVisible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start experiment"))
        .click();
    assertThat(page.locator(".badge.running")).isVisible();

    Locator chart =
        page.getByRole(
            AriaRole.IMG, new Page.GetByRoleOptions().setName("Conversion rate per arm"));
    assertThat(chart).isVisible();
    assertThat(chart.locator("rect")).hasCount(2);
    assertThat(chart.locator("text", new Locator.LocatorOptions().setHasText("personalised")))
        .isVisible();
    assertThat(page.locator("p.warning")).containsText("Not enough visitors");
    ConsoleBrowser.screenshot(page, "experiment-results");
    page.context().close();
  }

  @Test
  @Order(5)
  void slotPageWorksOnAPhone() {
    Page page = browser.signIn("editor", "editor", 390);
    page.navigate(browser.url("/console/slots/" + slot));
    assertThat(page.locator("ol.variants > li").first()).isVisible();
    int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    assertThat(scrollWidth).isLessThanOrEqualTo(390);
    ConsoleBrowser.screenshot(page, "slot-phone");
    page.context().close();
  }

  private void addVariant(Page page, String key, String title, int priority) {
    page.navigate(browser.url("/console/slots/" + slot + "/variants/new"));
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(title);
    page.getByLabel("Key").fill(key);
    page.getByLabel("Title").fill(title);
    // By key: the console space is shared, and another run may have a segment of the same name.
    page.locator("input[name=segments][value='" + segment + "']").check();
    page.getByLabel("Priority").fill(String.valueOf(priority));
    if (priority == 20) {
      ConsoleBrowser.screenshot(page, "variant-editor");
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
    page.waitForURL(browser.url("/console/slots/" + slot));
  }
}
