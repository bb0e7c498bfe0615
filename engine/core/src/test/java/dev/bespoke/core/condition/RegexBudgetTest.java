package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexBudgetTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^/shoes/[0-9]+$",
        "^[0-9]{4}[A-Z]{2}$",
        "(?i)^(facebook|instagram)\\.com$",
        "^.{0,500}$",
        "\\p{Greek}+",
        "[\\]\\[{}]{3}",
        "a{2,}",
        "{not a repeat}",
        "(?P<id>[a-f0-9]{32})",
        "\\Qa.b{1000}\\E"
      })
  void everydayPatternsFit(String pattern) {
    assertThat(RegexBudget.estimate(pattern)).isLessThanOrEqualTo(Limits.MAX_REGEX_SIZE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "((a{0,999}){0,999}){0,999}",
        "(?:[a-z]{0,1000}){0,1000}",
        "((a{100}){100}){100}",
        "(a{50}|b{50}){50}",
        "x{9999999}"
      })
  void explodingRepeatsAreOver(String pattern) {
    assertThat(RegexBudget.estimate(pattern)).isGreaterThan(Limits.MAX_REGEX_SIZE);
  }
}
