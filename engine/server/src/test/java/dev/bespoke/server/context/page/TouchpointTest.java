package dev.bespoke.server.context.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.context.testsupport.Configs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The touchpoint table of docs/sessions.md, row by row. */
class TouchpointTest {

  private final PageSignals pages = new PageSignals(Configs.page());
  private final PageSignals withExtras =
      new PageSignals(
          new Configs.Page(
              Optional.of(List.of("search.intranet.example")),
              Optional.of(List.of("forum.example")),
              Optional.of(List.of("mail.example.net")),
              Optional.of(List.of("shop-checkout.example"))));

  @ParameterizedTest(name = "{0} from {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        // paid: medium or ad click id, beats every referrer
        "https://shop.example/?utm_medium=cpc&utm_source=google, https://www.google.com/, paid",
        "https://shop.example/?utm_medium=PPC, -, paid",
        "https://shop.example/?utm_medium=display, -, paid",
        "https://shop.example/?utm_medium=paid_social&utm_source=facebook, -, paid",
        "https://shop.example/?utm_medium=cpm, -, paid",
        "https://shop.example/?gclid=abc, https://www.google.nl/, paid",
        "https://shop.example/?fbclid=IwAR0, https://l.facebook.com/, paid",
        "https://shop.example/?msclkid=1, -, paid",
        // email
        "https://shop.example/?utm_medium=email&utm_source=newsletter, -, email",
        "https://shop.example/?utm_source=newsletter, -, email",
        "https://shop.example/, https://mail.google.com/mail/u/0/, email",
        "https://shop.example/, https://outlook.live.com/, email",
        "https://shop.example/, https://webmail.provider.example/, email",
        "https://shop.example/, android-app://com.google.android.gm/, email",
        // social
        "https://shop.example/?utm_medium=social, -, social",
        "https://shop.example/?utm_source=instagram&utm_medium=story, -, social",
        "https://shop.example/, https://lm.facebook.com/l.php?u=x, social",
        "https://shop.example/, https://t.co/abc, social",
        "https://shop.example/, https://www.linkedin.com/feed/, social",
        "https://shop.example/, https://nl.pinterest.com/, social",
        "https://shop.example/, android-app://com.facebook.katana/, social",
        // search
        "https://shop.example/?utm_medium=organic, -, search",
        "https://shop.example/, https://www.google.co.uk/, search",
        "https://shop.example/, https://www.google.com.au/search?q=x, search",
        "https://shop.example/, https://duckduckgo.com/, search",
        "https://shop.example/, https://www.bing.com/search?q=shoes, search",
        "https://shop.example/, https://yandex.ru/, search",
        "https://shop.example/, https://search.brave.com/, search",
        "https://shop.example/, android-app://com.google.android.googlequicksearchbox/, search",
        // referral
        "https://shop.example/?utm_medium=referral, -, referral",
        "https://shop.example/?utm_medium=affiliate, -, referral",
        "https://shop.example/, https://blog.example.org/review, referral",
        "https://shop.example/, https://google.attacker.example/, referral",
        "https://shop.example/, android-app://org.unknown.app/, referral",
        // direct: nothing, or a referrer on the same site
        "https://shop.example/, -, direct",
        "https://shop.example/, https://shop.example/cart, direct",
        "https://www.shop.example/, https://shop.example/, direct",
        "https://shop.example/?utm_medium=unheard-of, -, direct",
        "-, -, direct",
      })
  void classifies(String page, String referrer, String expected) {
    assertThat(pages.resolve(page, referrer).touchpoint().value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource({
    "https://shop.example/, https://search.intranet.example/, search",
    "https://shop.example/, https://forum.example/t/1, social",
    "https://shop.example/, https://mail.example.net/inbox, email",
    "https://shop.example/, https://shop-checkout.example/done, direct",
  })
  void configuredHostsExtendTheLists(String page, String referrer, String expected) {
    assertThat(withExtras.resolve(page, referrer).touchpoint().value()).isEqualTo(expected);
  }
}
