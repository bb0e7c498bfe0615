package dev.bespoke.server.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Debian's Chromium under Playwright, without a browser download. */
public final class Browsers {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private Browsers() {}

  public static Browser chromium(Playwright playwright) {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)");
    return playwright
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
}
