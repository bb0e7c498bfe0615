package dev.bespoke.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviorKeysTest {

  @Test
  void keysAreLowerCasedEventPropertyAndValue() {
    assertThat(BehaviorKeys.counter("pageview", "Category", "Shoes"))
        .contains("pageview.category.shoes");
    assertThat(BehaviorKeys.score("category", " Running Shoes "))
        .contains("category.running-shoes");
  }

  @Test
  void numbersAndBooleansAreValuesToo() {
    assertThat(BehaviorKeys.score("size", 43)).contains("size.43");
    assertThat(BehaviorKeys.score("price", new BigDecimal("49.950"))).contains("price.49.95");
    assertThat(BehaviorKeys.score("sale", true)).contains("sale.true");
  }

  @Test
  void whatCannotBeAKeyIsNotCounted() {
    assertThat(BehaviorKeys.score("category", Map.of("a", 1))).isEmpty();
    assertThat(BehaviorKeys.score("category", List.of("a"))).isEmpty();
    assertThat(BehaviorKeys.score("category", "")).isEmpty();
    assertThat(BehaviorKeys.score("category", "x".repeat(65))).isEmpty();
    assertThat(BehaviorKeys.score("category", "a\u0000b")).isEmpty();
    assertThat(BehaviorKeys.score("category", null)).isEmpty();
    assertThat(BehaviorKeys.score("9lives", "x")).isEmpty();
    assertThat(BehaviorKeys.score("cat.egory", "x")).isEmpty();
  }
}
