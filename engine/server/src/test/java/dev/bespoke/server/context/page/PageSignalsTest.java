package dev.bespoke.server.context.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.context.testsupport.Configs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageSignalsTest {

  private final PageSignals pages = new PageSignals(Configs.page());

  @Test
  void readsUrlPathHostReferrerAndUtm() {
    Page page =
        pages.resolve(
            "https://Shop.Example:8443/schoenen/hardlopen?utm_source=facebook&utm_medium=paid_social"
                + "&utm_campaign=Spring%20Sale&utm_term=running+shoes&utm_content=hero#top",
            "https://l.facebook.com/");
    assertThat(page.url())
        .contains(
            "https://Shop.Example:8443/schoenen/hardlopen?utm_source=facebook&utm_medium=paid_social"
                + "&utm_campaign=Spring%20Sale&utm_term=running+shoes&utm_content=hero");
    assertThat(page.path()).contains("/schoenen/hardlopen");
    assertThat(page.host()).contains("shop.example");
    assertThat(page.referrerHost()).contains("l.facebook.com");
    assertThat(page.utm())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "source", "facebook",
                "medium", "paid_social",
                "campaign", "Spring Sale",
                "term", "running shoes",
                "content", "hero"));
    assertThat(page.touchpoint()).isEqualTo(Touchpoint.PAID);

    Map<String, Object> attributes = new HashMap<>();
    page.addTo(attributes);
    assertThat(attributes)
        .containsEntry("page.host", "shop.example")
        .containsEntry("referrer.host", "l.facebook.com")
        .containsEntry("utm.campaign", "Spring Sale")
        .containsEntry("touchpoint", "paid");
  }

  @Test
  void theApiExampleIsSocial() {
    Page page =
        pages.resolve(
            "https://shop.example/shoes?utm_source=facebook", "https://www.facebook.com/");
    assertThat(page.touchpoint()).isEqualTo(Touchpoint.SOCIAL);
  }

  @Test
  void dropsUtmValuesWithControlCharactersAndCutsLongOnes() {
    Page page =
        pages.resolve(
            "https://shop.example/?utm_source=news%0D%0ASet-Cookie:%20x=1&utm_medium=%00email"
                + "&utm_campaign="
                + "c".repeat(500),
            null);
    assertThat(page.utm()).doesNotContainKeys("source", "medium");
    assertThat(page.utm().get("campaign")).hasSize(PageSignals.MAX_UTM_LENGTH);
  }

  @Test
  void firstOccurrenceWinsAndAStrayPercentIsTakenLiterally() {
    Page page =
        pages.resolve(
            "https://shop.example/?UTM_SOURCE=first&utm_source=second&utm_medium=%zz", null);
    assertThat(page.utm()).containsEntry("source", "first").containsEntry("medium", "%zz");
  }

  @Test
  void boundsPathAndUrl() {
    Page page = pages.resolve("https://shop.example/" + "a".repeat(5_000) + "?q=1", null);
    assertThat(page.path().orElseThrow()).hasSize(PageSignals.MAX_PATH_LENGTH);
    assertThat(page.url().orElseThrow()).hasSize(PageSignals.MAX_URL_LENGTH);
    assertThat(pages.resolve("https://shop.example/?" + "x".repeat(10_000), null).url()).isEmpty();
  }

  @Test
  void decodedPathLosesControlCharacters() {
    assertThat(pages.resolve("https://shop.example/a%0D%0Ab%00c", null).path()).contains("/abc");
    assertThat(pages.resolve("https://shop.example", null).path()).contains("/");
  }

  @Test
  void lenientWithCharactersBrowsersLeaveUnescaped() {
    Page page =
        pages.resolve("https://shop.example/search?q=red shoes|blue&utm_source=google", null);
    assertThat(page.host()).contains("shop.example");
    assertThat(page.utm()).containsEntry("source", "google");
  }

  @Test
  void ignoresWhatIsNotAnHttpUrl() {
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "/relative/path",
            "https://",
            "ftp://files.example/x",
            "data:text/html,hi",
            "https://shop.example/\r\nX-Injected: 1",
            "http://[::1",
            "%%%")) {
      Page page = pages.resolve(bad, bad);
      assertThat(page.url()).as(bad).isEmpty();
      assertThat(page.host()).as(bad).isEmpty();
      assertThat(page.utm()).as(bad).isEmpty();
    }
    assertThat(pages.resolve(null, null))
        .isEqualTo(
            new Page(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Touchpoint.DIRECT));
  }
}
