package dev.bespoke.server.context.locale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleResolverTest {

  private final LocaleResolver locales = new LocaleResolver();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7 | nl-NL | nl",
        "en-US | en-US | en",
        "de;q=0.5, fr-CH;q=0.9 | fr-CH | fr",
        "nl-nl | nl-NL | nl",
        "zh-Hant-TW;q=0.8, *;q=0.1 | zh-Hant-TW | zh",
        "*, es | es | es",
        "*;q=NaN,en;q=1e309 | en | en",
        "xx-invalid-tag-!!, pt-BR;q=0.4 | pt-BR | pt",
        "en;q=0, fr;q=0.001 | fr | fr",
        "de-DE-u-ca-gregory-x-private | de-DE | de",
        "en;q=abc, it | it | it",
      })
  void picksTheHighestWeightedValidEntry(String header, String tag, String language) {
    assertThat(locales.resolve(null, header)).contains(new ResolvedLocale(tag, language));
  }

  @Test
  void bodyLocaleWinsWhenValid() {
    assertThat(locales.resolve("nl_BE", "en-US")).contains(new ResolvedLocale("nl-BE", "nl"));
    assertThat(locales.resolve("not a locale!", "en-US"))
        .contains(new ResolvedLocale("en-US", "en"));
  }

  @Test
  void nothingValidMeansNoLocale() {
    for (String header : new String[] {null, "", "*", ";;;,,,", "q=1", "en;q=0", "und", "123"}) {
      assertThat(locales.resolve(null, header)).as(String.valueOf(header)).isEmpty();
    }
  }

  @Test
  void hostileHeadersAreCheapAndHarmless() {
    String huge = "en;q=0.1," + "x-".repeat(100_000) + ",nl;q=1";
    String many = "de;q=0.2," + "a,".repeat(50_000);
    String weights = "fr;q=" + "9".repeat(100_000);
    long start = System.nanoTime();
    assertThat(locales.resolve(null, huge)).contains(new ResolvedLocale("en", "en"));
    // "a" is no language tag, so the one valid entry wins however many junk ones follow.
    assertThat(locales.resolve(null, many)).contains(new ResolvedLocale("de", "de"));
    assertThat(locales.resolve(null, weights)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void addsLocaleAndLanguage() {
    Map<String, Object> attributes = new HashMap<>();
    new ResolvedLocale("nl-NL", "nl").addTo(attributes);
    assertThat(attributes).containsEntry("locale", "nl-NL").containsEntry("language", "nl");
  }

  @Test
  void repeatedHeadersGetTheSameAnswerAndTheCacheStaysBounded() {
    String header = "nl-NL,nl;q=0.9,en;q=0.7";
    assertThat(locales.resolve(null, header)).contains(new ResolvedLocale("nl-NL", "nl"));
    assertThat(locales.resolve(null, header)).contains(new ResolvedLocale("nl-NL", "nl"));
    // Many distinct headers (as a hostile client would send) each still get their own answer.
    for (int i = 0; i < LocaleResolver.CACHE_ENTRIES * 3; i++) {
      String region = String.format("%c%c", 'A' + i % 26, 'A' + (i / 26) % 26);
      assertThat(locales.resolve(null, "*, de-" + region + ";q=" + (i % 9 + 1) / 10.0))
          .contains(new ResolvedLocale("de-" + region, "de"));
    }
    assertThat(locales.resolve(null, header)).contains(new ResolvedLocale("nl-NL", "nl"));
  }
}
