package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributeCatalogTest {

  @Test
  void listsEveryAttributeOfTheContract() {
    assertThat(AttributeCatalog.all())
        .extracting(AttributeSpec::name)
        .contains(
            "channel",
            "device.type",
            "device.os",
            "device.browser",
            "geo.country",
            "geo.region",
            "locale",
            "language",
            "page.url",
            "page.path",
            "page.host",
            "score.<property>.<value>",
            "referrer.host",
            "utm.source",
            "utm.medium",
            "utm.campaign",
            "utm.term",
            "utm.content",
            "touchpoint",
            "visit.count",
            "visit.first",
            "visit.pageviews",
            "visit.daysSinceLast",
            "behavior.<event>.<property>.<value>",
            "customer.loggedIn",
            "customer.<claim>",
            "profile.<trait>",
            "request.<trait>",
            "time.hour",
            "time.dayOfWeek",
            "time.date",
            "consent.personalization");
    assertThat(AttributeCatalog.all()).allSatisfy(a -> assertThat(a.description()).isNotBlank());
  }

  @Test
  void resolvesFamiliesAndPrefersExactNames() {
    assertThat(AttributeCatalog.find("customer.loggedIn"))
        .get()
        .extracting(AttributeSpec::type)
        .isEqualTo(AttributeType.BOOLEAN);
    assertThat(AttributeCatalog.find("customer.tier"))
        .get()
        .extracting(AttributeSpec::name)
        .isEqualTo("customer.<claim>");
    assertThat(AttributeCatalog.find("behavior.pageview.category.shoes"))
        .get()
        .satisfies(a -> assertThat(a.windowed()).isTrue());
    assertThat(AttributeCatalog.find("behavior.pageview")).isEmpty();
    assertThat(AttributeCatalog.find("weather.temp")).isEmpty();
  }

  @Test
  void operatorsFitTypes() {
    AttributeSpec country = AttributeCatalog.find("geo.country").orElseThrow();
    assertThat(country.caseInsensitive()).isTrue();
    assertThat(country.operators()).contains(Operator.MATCHES).doesNotContain(Operator.GT);
    assertThat(AttributeCatalog.find("visit.count").orElseThrow().operators())
        .contains(Operator.BETWEEN)
        .doesNotContain(Operator.CONTAINS);
    assertThat(AttributeCatalog.all())
        .allSatisfy(a -> assertThat(a.operators()).doesNotContain(Operator.IN_SEGMENT));
    assertThat(AttributeCatalog.namespaces())
        .contains("geo", "behavior", "time")
        .doesNotContain("class");
  }
}
