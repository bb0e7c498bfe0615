package dev.bespoke.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bespoke.server.console.DefaultSpaceLab.LOSER;
import static dev.bespoke.server.console.DefaultSpaceLab.SPACE;
import static dev.bespoke.server.console.DefaultSpaceLab.WINNER;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Promoting an experiment's winner and configuring a CMS connector in the console, in a real
 * browser: who sees the buttons, what a click changes, and what never reaches the page.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePromoteAndCmsTest {

  private static final String STRAPI = "/api/v1/admin/spaces/" + SPACE + "/cms/strapi";

  @TestHTTPResource("/")
  URL base;

  private ConsoleBrowser browser;
  private String slot;
  private String undecided;
  private String holdout;

  @BeforeAll
  void startBrowser() {
    browser = ConsoleBrowser.start(base.toString());
  }

  /** Once per class; in {@code @BeforeEach} because REST Assured knows the port only then. */
  @BeforeEach
  void experimentsWithoutVisitors() {
    if (slot == null) {
      slot = DefaultSpaceLab.slotWithThreeVariants();
      undecided = DefaultSpaceLab.startedAb(slot);
      // One experiment per slot: the holdout gets a slot of its own.
      holdout = DefaultSpaceLab.startedHoldout(DefaultSpaceLab.slotWithThreeVariants());
    }
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aPublisherPromotesASignificantWinnerAndTheLoserIsUnpublished() {
    String winnerSlot = DefaultSpaceLab.slotWithThreeVariants();
    String key = DefaultSpaceLab.startedAb(winnerSlot);
    DefaultSpaceLab.driveToSignificance(winnerSlot, key);

    Page page = browser.signIn("publisher", "publisher", 1280);
    page.navigate(browser.url("/console/experiments/" + key));
    Locator promote =
        page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions()
                .setName(
                    "Promote " + WINNER + ": unpublishes " + LOSER + "; keeps the default base"));
    assertThat(promote).isVisible();
    ConsoleBrowser.screenshot(page, "promote-winner");
    assertThat(DefaultSpaceLab.variantStatus(winnerSlot, LOSER)).isEqualTo("published");

    promote.click();
    page.waitForURL(Pattern.compile(".*/console/experiments/" + key + "#promotion"));
    assertThat(page.locator("#promotion .outcome")).containsText("Promoted by publisher");
    assertThat(page.locator("#promotion .outcome")).containsText("unpublished " + LOSER);
    assertThat(page.locator("#promotion .outcome")).containsText("kept the slot's default base");
    assertThat(page.locator(".badge.stopped")).isVisible();
    // Promoted once: no second button.
    assertThat(page.locator("form[action$='/promote']")).hasCount(0);
    ConsoleBrowser.screenshot(page, "promote-outcome");
    page.context().close();

    assertThat(DefaultSpaceLab.variantStatus(winnerSlot, LOSER)).isEqualTo("draft");
    assertThat(DefaultSpaceLab.variantStatus(winnerSlot, WINNER)).isEqualTo("published");
    assertThat(DefaultSpaceLab.variantStatus(winnerSlot, DefaultSpaceLab.DEFAULT_VARIANT))
        .isEqualTo("published");
    assertThat(DefaultSpaceLab.experimentStatus(key)).isEqualTo("stopped");
  }

  @Test
  void anEditorSeesNoPromoteButtonAndCannotPostOne() {
    Page page = browser.signIn("editor", "editor", 1280);
    page.navigate(browser.url("/console/experiments/" + undecided));
    assertThat(page.locator("#promotion")).containsText("A publisher can promote the winner");
    assertThat(page.locator("form[action$='/promote']")).hasCount(0);

    APIResponse post =
        page.request()
            .post(
                browser.url("/console/experiments/" + undecided + "/promote"),
                RequestOptions.create()
                    .setMaxRedirects(0)
                    .setForm(
                        FormData.create()
                            .set("_csrf", token(page))
                            .set("arm", WINNER)
                            .set("acceptInconclusive", "true")));
    assertThat(post.status()).isEqualTo(403);
    page.context().close();
    assertThat(DefaultSpaceLab.experimentStatus(undecided)).isEqualTo("running");
    assertThat(DefaultSpaceLab.variantStatus(slot, LOSER)).isEqualTo("published");
  }

  @Test
  void withoutAWinnerAPublisherMustAcceptAnInconclusiveResult() {
    Page page = browser.signIn("publisher", "publisher", 1280);
    page.navigate(browser.url("/console/experiments/" + undecided));
    Locator section = page.locator("#promotion");
    assertThat(section).containsText("No arm has been shown to beat the control");
    assertThat(
            section.getByRole(
                AriaRole.BUTTON,
                new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^Promote " + WINNER + ":"))))
        .hasCount(0);
    assertThat(section.getByLabel("I accept an inconclusive result")).isVisible();
    assertThat(section.locator("#promote-arm option[value='" + WINNER + "']"))
        .hasText(WINNER + ": unpublishes " + LOSER + "; keeps the default base");
    ConsoleBrowser.screenshot(page, "promote-inconclusive");

    // Without the tick the server refuses too (the browser's own check aside), changing nothing.
    APIResponse unticked =
        page.request()
            .post(
                browser.url("/console/experiments/" + undecided + "/promote"),
                RequestOptions.create()
                    .setMaxRedirects(0)
                    .setForm(FormData.create().set("_csrf", token(page)).set("arm", WINNER)));
    assertThat(unticked.status()).isEqualTo(409);
    assertThat(unticked.text()).contains("I accept an inconclusive result");
    assertThat(DefaultSpaceLab.experimentStatus(undecided)).isEqualTo("running");

    page.navigate(browser.url("/console/experiments/" + holdout));
    assertThat(page.locator("#promotion")).containsText("A holdout has nothing to promote");
    assertThat(page.locator("form[action$='/promote']")).hasCount(0);
    page.context().close();
  }

  @Test
  void anAdminConfiguresStrapiAndABadMappingChangesNothing() {
    String secret = "strapi-" + UniqueKeys.unique("token") + "-0123456789";
    Page page = browser.signIn("admin", "admin", 1280);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CMS")).click();
    page.waitForURL(browser.url("/console/cms"));
    assertThat(page.locator("section.connector")).hasCount(3);
    Locator strapi = page.locator("section#strapi");
    assertThat(strapi.getByLabel("Webhook address to paste into Strapi"))
        .hasValue(browser.url("/cms/strapi/" + SPACE + "/webhook"));

    strapi.getByLabel("Entries published in Strapi").selectOption("published");
    strapi.getByLabel(Pattern.compile("^Secret")).fill(secret);
    strapi
        .getByLabel(Pattern.compile("^Field mapping"))
        .fill("{\"slotByType\": {\"article\": \"home-hero\"}, \"nameField\": \"headline\"}");
    strapi
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save Strapi"))
        .click();
    page.waitForURL(Pattern.compile(".*/console/cms\\?saved=strapi.*"));
    assertThat(page.locator("section#strapi [role=status]")).containsText("Strapi settings saved");
    assertThat(page.locator("section#strapi .badge.state")).hasText("enabled");
    assertThat(page.locator("section#strapi textarea")).containsText("headline");
    assertThat(page.content()).doesNotContain(secret);
    ConsoleBrowser.screenshot(page, "cms-connectors");

    JsonPath saved = strapiSettings();
    assertThat(saved.getString("publishAs")).isEqualTo("published");
    assertThat(saved.getString("mapping.slotByType.article")).isEqualTo("home-hero");
    assertThat(saved.getString("mapping.nameField")).isEqualTo("headline");
    assertThat(saved.getBoolean("secretSet")).isTrue();

    String otherSecret = "never-stored-" + UniqueKeys.unique("token") + "-0123456789";
    strapi = page.locator("section#strapi");
    strapi.getByLabel("Entries published in Strapi").selectOption("in_review");
    strapi.getByLabel(Pattern.compile("^Secret")).fill(otherSecret);
    strapi.getByLabel(Pattern.compile("^Field mapping")).fill("{\"slotFeild\": \"slot\"}");
    strapi
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save Strapi"))
        .click();
    Locator error = page.locator("#strapi-mapping-error");
    assertThat(error).containsText("slotFeild");
    assertThat(page.locator("#strapi-mapping")).hasAttribute("aria-invalid", "true");
    // The refused form keeps what was typed, except the secret.
    assertThat(page.locator("#strapi-mapping")).hasValue("{\"slotFeild\": \"slot\"}");
    assertThat(page.locator("#strapi-secret")).hasValue("");
    assertThat(page.content()).doesNotContain(otherSecret).doesNotContain(secret);
    ConsoleBrowser.screenshot(page, "cms-connectors-error");
    page.context().close();

    JsonPath after = strapiSettings();
    assertThat(after.getLong("version")).isEqualTo(saved.getLong("version"));
    assertThat(after.getString("publishAs")).isEqualTo("published");
    assertThat(after.getString("mapping.nameField")).isEqualTo("headline");
  }

  @Test
  void nobodyButAnAdminReachesTheCmsPage() {
    for (String role : new String[] {"editor", "publisher"}) {
      Page page = browser.signIn(role, role, 1280);
      String token = token(page);
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CMS")))
          .hasCount(0);
      assertThat(page.navigate(browser.url("/console/cms")).status()).isEqualTo(403);
      APIResponse post =
          page.request()
              .post(
                  browser.url("/console/cms/strapi"),
                  RequestOptions.create()
                      .setMaxRedirects(0)
                      .setForm(
                          FormData.create()
                              .set("_csrf", token)
                              .set("enabled", "false")
                              .set("publishAs", "published")
                              .set("secret", "a-secret-of-more-than-16-chars")));
      assertThat(post.status()).isEqualTo(403);
      page.context().close();
    }
  }

  @Test
  void theNoSegmentHintShowsOnlyWhileNoSegmentIsTicked() {
    String name = "Hint " + UniqueKeys.unique("s");
    Fixtures.create(
        Api.segments(SPACE),
        Samples.with(Samples.segment(UniqueKeys.unique("hint")), "name", name));
    Page page = browser.signIn("editor", "editor", 1280);
    page.navigate(browser.url("/console/slots/" + slot + "/variants/" + WINNER));
    Locator hint = page.getByText("No segment ticked");
    assertThat(hint).hasCount(1);

    page.getByLabel(name).check();
    assertThat(hint).hasCount(0);
    page.getByLabel(name).uncheck();
    assertThat(hint).hasCount(1);
    page.context().close();
  }

  private static JsonPath strapiSettings() {
    return as(ADMIN).get(STRAPI).then().statusCode(StatusCode.OK).extract().jsonPath();
  }

  private static String token(Page page) {
    return page.locator("meta[name=csrf-token]").getAttribute("content");
  }
}
