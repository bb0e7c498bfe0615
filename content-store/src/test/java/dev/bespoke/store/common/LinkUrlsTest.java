package dev.bespoke.store.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The link rule reads a scheme the way a browser's URL parser does. */
class LinkUrlsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "javas\rcript:alert(1)",
        "\u0001javascript:alert(1)",
        "\u0000\u001fjavascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \tJaVa\tScRiPt:alert(1)",
        "javascript:",
        "data:text/html,<script>alert(1)</script>",
        "\ndata:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "\u0008VBScript:msgbox(1)",
        "mailto:shop@example.com",
        "app://sale"
      })
  void aUrlABrowserReadsWithAnotherSchemeIsRefused(String url) {
    assertThat(LinkUrls.problem(url)).hasValueSatisfying(p -> assertThat(p).contains("http"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://shop.example/sale?x=1#top",
        "HTTP://shop.example/sale",
        " https://shop.example/ ",
        "/welcome",
        "sale/shoes.html",
        "?page=2",
        "#reviews",
        "//cdn.shop.example/hero.png",
        "javascript%3Aalert(1)",
        "/caf\u00e9",
        ""
      })
  void httpHttpsAndRelativeUrlsAreAllowed(String url) {
    assertThat(LinkUrls.problem(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/summer sale", "http://", "https://shop.example/<x>"})
  void aValueThatIsNotAUrlIsRefusedAsSuch(String url) {
    assertThat(LinkUrls.problem(url))
        .hasValueSatisfying(p -> assertThat(p).startsWith("is not a valid URL"));
  }

  @ParameterizedTest
  @ValueSource(strings = {" java\tscript:alert(1)", "\u0001javascript:alert(1)"})
  void theRefusalSaysWhichSchemeTheBrowserWouldRead(String url) {
    assertThat(LinkUrls.problem(url))
        .hasValueSatisfying(p -> assertThat(p).startsWith("is a javascript: URL"));
  }
}
