package dev.bespoke.server.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCookiesTest {

  @Test
  void aCommaStaysInsideTheValue() {
    assertThat(RequestCookies.parse(List.of("bespoke_consent=a:0,p:0; theme=dark")))
        .containsExactly(entry("bespoke_consent", "a:0,p:0"), entry("theme", "dark"));
  }

  @Test
  void namesAndValuesAreTrimmedAndOnePairOfQuotesDropped() {
    assertThat(RequestCookies.parse(List.of("  a = \"p:1,a:1\" ;b=\"\"x\"\"")))
        .containsEntry("a", "p:1,a:1")
        .containsEntry("b", "\"x\"");
  }

  @Test
  void theValueRunsFromTheFirstEquals() {
    assertThat(RequestCookies.parse(List.of("bespoke_consent=personalization=1&analytics=0")))
        .containsEntry("bespoke_consent", "personalization=1&analytics=0");
  }

  @Test
  void theFirstOccurrenceOfANameWinsAcrossHeaders() {
    assertThat(RequestCookies.parse(List.of("c=first; c=second", "c=third; d=4")))
        .containsEntry("c", "first")
        .containsEntry("d", "4");
  }

  @Test
  void pairsWithoutANameOrEqualsAreSkipped() {
    assertThat(RequestCookies.parse(List.of("=x; novalue; ;e=")))
        .containsExactlyEntriesOf(Map.of("e", ""));
  }

  @Test
  void readsAtMostABrowsersWorthOfCookies() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      many.append("c").append(i).append("=1; ");
    }
    assertThat(RequestCookies.parse(List.of(many.toString()))).hasSize(RequestCookies.MAX_COOKIES);
  }

  @Test
  void readsTheCookieHeaderWhateverItsCase() {
    assertThat(RequestCookies.of(Headers.of("cookie", "a=1"))).containsEntry("a", "1");
  }
}
