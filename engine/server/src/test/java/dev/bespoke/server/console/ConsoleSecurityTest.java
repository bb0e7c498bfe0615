package dev.bespoke.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console's sign-in session, CSRF protection and role gates, in a real browser. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest {

  private static final String RULE =
      "{\"attr\": \"geo.country\", \"op\": \"eq\", \"value\": \"FR\"}";

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
  void aPostWithoutTheCsrfTokenIsRefused() {
    Page page = browser.signIn("editor", "editor", 1280);
    String key = UniqueKeys.unique("csrf");
    FormData form = FormData.create().set("key", key).set("name", "No token").set("rule", RULE);

    APIResponse without =
        page.request()
            .post(browser.url("/console/segments"), RequestOptions.create().setForm(form));
    assertThat(without.status()).isEqualTo(403);
    assertThat(without.text()).contains("security token");

    APIResponse forged =
        page.request()
            .post(
                browser.url("/console/segments"),
                RequestOptions.create().setForm(form.set("_csrf", "forged-token-value")));
    assertThat(forged.status()).isEqualTo(403);

    String token = token(page);
    APIResponse crossSite =
        page.request()
            .post(
                browser.url("/console/segments"),
                RequestOptions.create()
                    .setHeader("Origin", "https://attacker.example")
                    .setForm(form.set("_csrf", token)));
    assertThat(crossSite.status()).isEqualTo(403);

    // Refused requests created nothing.
    assertThat(page.navigate(browser.url("/console/segments/" + key)).status()).isEqualTo(404);

    APIResponse genuine =
        page.request()
            .post(
                browser.url("/console/segments"),
                RequestOptions.create().setMaxRedirects(0).setForm(form.set("_csrf", token)));
    assertThat(genuine.status()).isEqualTo(303);
    page.context().close();
  }

  @Test
  void anEditorDoesNotSeeOrReachPublish() {
    Page page = browser.signIn("editor", "editor", 1280);
    String key = UniqueKeys.unique("gate");
    String token = token(page);
    page.request()
        .post(
            browser.url("/console/segments"),
            RequestOptions.create()
                .setForm(
                    FormData.create()
                        .set("_csrf", token)
                        .set("key", key)
                        .set("name", "Gated")
                        .set("rule", RULE)));
    page.navigate(browser.url("/console/segments/" + key));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
        .click();

    page.navigate(browser.url("/console/review"));
    var pending = page.locator("section.pending[data-key='" + key + "']");
    assertThat(pending).containsText("Waiting for a publisher");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")))
        .hasCount(0);

    APIResponse publish =
        page.request()
            .post(
                browser.url("/console/review/publish"),
                RequestOptions.create()
                    .setForm(
                        FormData.create()
                            .set("_csrf", token)
                            .set("type", "segment")
                            .set("key", key)
                            .set("slot", "")));
    assertThat(publish.status()).isEqualTo(403);
    page.navigate(browser.url("/console/segments/" + key));
    assertThat(page.locator(".badge.in_review")).isVisible();

    page.navigate(browser.url("/console/history/segment/" + key));
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unpublish")))
        .hasCount(0);
    assertThat(page.locator("form[action$='/rollback']")).hasCount(0);
    page.context().close();
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndRenewedAtEverySignIn() {
    Page page = browser.signIn("publisher", "publisher", 1280);
    Cookie first = cookie(page, "bespoke_console");
    Cookie firstCsrf = cookie(page, "bespoke_console_csrf");
    assertThat(first.httpOnly).isTrue();
    assertThat(first.sameSite).isEqualTo(SameSiteAttribute.STRICT);
    assertThat(first.path).isEqualTo("/console");
    assertThat(firstCsrf.httpOnly).isTrue();
    assertThat(firstCsrf.sameSite).isEqualTo(SameSiteAttribute.STRICT);

    page.navigate(browser.url("/console/login"));
    page.getByLabel("User name").fill("publisher");
    page.getByLabel("Password").fill("publisher");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(browser.url("/console"));
    assertThat(cookie(page, "bespoke_console").value).isNotEqualTo(first.value);
    assertThat(cookie(page, "bespoke_console_csrf").value).isNotEqualTo(firstCsrf.value);

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    assertThat(page.getByText("You are signed out")).isVisible();
    page.navigate(browser.url("/console/slots"));
    assertThat(page).hasURL(browser.url("/console/login"));
    page.context().close();
  }

  @Test
  void aWrongPasswordStaysOnTheSignInPage() {
    var context = page();
    context.navigate(browser.url("/console/login"));
    context.getByLabel("User name").fill("editor");
    context.getByLabel("Password").fill("not-the-password");
    context.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(context.getByRole(AriaRole.ALERT)).containsText("do not match");
    ConsoleBrowser.screenshot(context, "sign-in");
    context.context().close();
  }

  private Page page() {
    return browser.newPage(1280);
  }

  private static String token(Page page) {
    return page.locator("meta[name=csrf-token]").getAttribute("content");
  }

  private static Cookie cookie(Page page, String name) {
    List<Cookie> cookies = page.context().cookies();
    return cookies.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
  }
}
