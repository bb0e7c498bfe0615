package dev.bespoke.server.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One headless Chromium per test class (starting one costs about a second), with a fresh context
 * per signed-in user so cookies never leak between roles.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;
  private final String base;

  private ConsoleBrowser(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.playwright = Playwright.create();
    this.browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--headless",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  /** Skips the test class, with the reason, on a machine without Chromium. */
  static ConsoleBrowser start(String base) {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Console browser tests need Debian's chromium at /usr/bin/chromium (apt-get install"
            + " chromium); skipped because it is not installed");
    return new ConsoleBrowser(base);
  }

  String url(String path) {
    return base + path;
  }

  /** A page in a new browser context (its own cookies) of the given width. */
  Page newPage(int width) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
    return context.newPage();
  }

  /** A new browser context of the given width, signed in as {@code user}. */
  Page signIn(String user, String password, int width) {
    Page page = newPage(width);
    page.navigate(url("/console/login"));
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    page.waitForURL(url("/console"));
    return page;
  }

  static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
