package dev.bespoke.cms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client sends, and how it reads each kind of answer, including unusable ones. */
class BespokeClientTest {

  private static final String JSON = "application/json";

  private static final String TWO_DECISIONS =
      """
      {"visitorId":"v1.abc","decisions":[
        {"slot":"home-hero","decisionId":"d1","variant":{"key":"facebook-offer",
          "fields":{"title":"20% off","ctaUrl":null}},"segments":["facebook-ad"],
          "reason":"segment facebook-ad matched","experiment":{"key":"hero-holdout","arm":"personalised"},
          "fallback":false},
        {"slot":"promo-bar","decisionId":"d2","variant":{"key":"promo-bar-default","fields":{},
          "html":"<p>Free shipping</p>"},"segments":[],"reason":"default","experiment":null,
          "fallback":true}]}
      """;

  private static final List<SlotDefault> SLOTS =
      List.of(
          SlotDefault.of("home-hero", Variant.ofFields(Map.of("title", "Welcome"))),
          SlotDefault.of("promo-bar", Variant.ofHtml("<p>Our promise</p>")));

  private final ObjectMapper json = new ObjectMapper();
  private CannedServer bespoke;
  private BespokeClient client;

  @BeforeEach
  void start() throws Exception {
    bespoke = new CannedServer();
    // A generous budget: these tests are about what is sent and read, and a loaded build machine
    // may take longer than a page's 300 ms for a cold first exchange.
    client =
        BespokeClient.builder(bespoke.uri())
            .space("shop")
            .deliveryKey("bk_public")
            .requestTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterEach
  void stop() {
    bespoke.close();
  }

  private static PageContext page() {
    return PageContext.of("https://shop.example/?utm_source=facebook")
        .withReferrer("https://www.facebook.com/")
        .withLocale("nl-NL")
        .withConsent(new Consent(true, false))
        .withTrait("preferredCategory", "running")
        .withHeader("User-Agent", "Mozilla/5.0 test")
        .withHeader("CF-IPCountry", "NL")
        .withHeader("Host", "shop.example")
        .withHeader("Cookie", "other=1")
        .withSessionToken("jwt.token.here");
  }

  @Test
  void decideSendsTheDocumentedBodyTheVisitorCookieKeyAndForwardedHeaders() throws Exception {
    bespoke.answer(200, Map.of("Content-Type", JSON), TWO_DECISIONS);

    client.decide(SLOTS, page(), "v1.abc");

    CannedServer.Received sent = bespoke.last();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.uri().getPath()).isEqualTo("/api/v1/decisions");
    JsonNode body = json.readTree(sent.body());
    assertThat(body.get("space").asText()).isEqualTo("shop");
    assertThat(body.get("channel").asText()).isEqualTo("web");
    assertThat(body.get("slots").toString()).isEqualTo("[\"home-hero\",\"promo-bar\"]");
    assertThat(body.at("/page/url").asText())
        .isEqualTo("https://shop.example/?utm_source=facebook");
    assertThat(body.at("/page/referrer").asText()).isEqualTo("https://www.facebook.com/");
    assertThat(body.get("locale").asText()).isEqualTo("nl-NL");
    assertThat(body.at("/traits/preferredCategory").asText()).isEqualTo("running");
    assertThat(body.at("/consent/personalization").asBoolean()).isTrue();
    assertThat(body.at("/consent/analytics").asBoolean()).isFalse();
    assertThat(sent.header("Cookie")).isEqualTo("bespoke_vid=v1.abc");
    assertThat(sent.header("X-Bespoke-Key")).isEqualTo("bk_public");
    assertThat(sent.header("User-Agent")).isEqualTo("Mozilla/5.0 test");
    assertThat(sent.header("CF-IPCountry")).isEqualTo("NL");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer jwt.token.here");
    assertThat(sent.header("Host")).doesNotContain("shop.example");
  }

  @Test
  void decisionsAreReadInTheOrderAskedWithTheCookieBespokeSet() {
    bespoke.answer(
        200,
        Map.of(
            "Content-Type",
            JSON,
            "Set-Cookie",
            "bespoke_vid=v1.new; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"),
        TWO_DECISIONS);

    Decisions d = client.decide(SLOTS, page(), null);

    assertThat(d.fallback()).isFalse();
    assertThat(d.fallbackReason()).isNull();
    assertThat(d.visitorId()).isEqualTo("v1.abc");
    assertThat(d.setCookies()).singleElement().asString().startsWith("bespoke_vid=v1.new;");
    assertThat(d.visitorCookie()).contains("v1.new");
    Decision hero = d.decisions().get(0);
    assertThat(hero.slot()).isEqualTo("home-hero");
    assertThat(hero.decisionId()).isEqualTo("d1");
    assertThat(hero.variant().key()).isEqualTo("facebook-offer");
    assertThat(hero.variant().text("title")).isEqualTo("20% off");
    assertThat(hero.variant().fields()).containsEntry("ctaUrl", null);
    assertThat(hero.segments()).containsExactly("facebook-ad");
    assertThat(hero.reason()).isEqualTo("segment facebook-ad matched");
    assertThat(hero.experiment())
        .isEqualTo(new Decision.Experiment("hero-holdout", "personalised"));
    assertThat(hero.fallback()).isFalse();
    Decision promo = d.slot("promo-bar").orElseThrow();
    assertThat(promo.variant().html()).isEqualTo("<p>Free shipping</p>");
    assertThat(promo.experiment()).isNull();
    assertThat(promo.fallback()).as("Bespoke's own fallback flag").isTrue();
  }

  @Test
  void aSlotWithoutAVariantOrLeftOutOfTheAnswerGetsThePageDefault() {
    bespoke.answer(
        200,
        Map.of("Content-Type", JSON),
        """
        {"visitorId":"v1.abc","decisions":[{"slot":"home-hero","decisionId":"d1","variant":null,
          "segments":[],"reason":"nothing matched","fallback":false}]}
        """);

    Decisions d = client.decide(SLOTS, page(), null);

    assertThat(d.fallback()).isFalse();
    assertThat(d.decisions().get(0).variant().text("title")).isEqualTo("Welcome");
    assertThat(d.decisions().get(0).decisionId()).isEqualTo("d1");
    Decision promo = d.decisions().get(1);
    assertThat(promo.variant().html()).isEqualTo("<p>Our promise</p>");
    assertThat(promo.fallback()).isTrue();
    assertThat(promo.reason()).contains("no decision for it");
  }

  @Test
  void aServerErrorFallsBackToThePageDefaultsAndSaysSo() {
    bespoke.answer(
        503,
        Map.of("Content-Type", "application/problem+json"),
        "{\"status\":503,\"detail\":\"store down\"}");

    Decisions d = client.decide(SLOTS, page(), "v1.abc");

    assertThat(d.fallback()).isTrue();
    assertThat(d.fallbackReason()).isEqualTo("server error: HTTP 503: store down");
    assertThat(d.visitorId()).isNull();
    assertThat(d.setCookies()).isEmpty();
    assertThat(d.decisions())
        .extracting(x -> x.variant(), x -> x.fallback(), x -> x.decisionId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SLOTS.get(0).fallback(), true, null),
            org.assertj.core.groups.Tuple.tuple(SLOTS.get(1).fallback(), true, null));
  }

  @Test
  void aRefusalNamesTheProblemsDetail() {
    bespoke.answer(
        404,
        Map.of("Content-Type", "application/problem+json"),
        "{\"status\":404,\"detail\":\"slot nope does not exist\"}");

    Decisions d = client.decide(SLOTS, page(), null);

    assertThat(d.fallback()).isTrue();
    assertThat(d.fallbackReason()).isEqualTo("refused: HTTP 404: slot nope does not exist");
  }

  @Test
  void anAnswerThatIsNotTheDocumentedJsonFallsBack() {
    for (String body :
        List.of(
            "<html>proxy error page</html>",
            "[]",
            "{\"visitorId\":\"v\"}",
            "{\"decisions\":[{\"decisionId\":\"no slot\"}]}",
            "{\"decisions\":[{\"slot\":\"home-hero\",\"variant\":{\"fields\":\"text\"}}]}",
            "")) {
      bespoke.answer(200, Map.of("Content-Type", JSON), body);

      Decisions d = client.decide(SLOTS, page(), null);

      assertThat(d.fallback()).as(body).isTrue();
      assertThat(d.fallbackReason()).as(body).startsWith("unparsable answer: ");
      assertThat(d.decisions().get(0).variant().text("title")).isEqualTo("Welcome");
    }
  }

  @Test
  void aVisitorCookieThatWouldBreakTheHeaderIsNotForwarded() {
    bespoke.answer(200, Map.of("Content-Type", JSON), TWO_DECISIONS);

    client.decide(SLOTS, PageContext.of("https://shop.example/"), "v1;admin=1");

    assertThat(bespoke.last().header("Cookie")).isNull();
  }

  @Test
  void aFragmentCarriesItsDecisionIdCookieAndConsentAndQuery() {
    bespoke.answer(
        200,
        Map.of(
            "Content-Type", "text/html;charset=UTF-8",
            "Bespoke-Decision-Id", "d9",
            "Bespoke-Fallback", "false",
            "Set-Cookie", "bespoke_vid=v1.frag; Path=/; HttpOnly"),
        "<h2>Welkom terug</h2>");

    Fragment f = client.fragment("home-hero", "<h2>Welcome</h2>", page(), "v1.abc");

    assertThat(f.html()).isEqualTo("<h2>Welkom terug</h2>");
    assertThat(f.decisionId()).isEqualTo("d9");
    assertThat(f.fallback()).isFalse();
    assertThat(f.visitorCookie()).contains("v1.frag");
    CannedServer.Received sent = bespoke.last();
    assertThat(sent.method()).isEqualTo("GET");
    assertThat(sent.uri().getPath()).isEqualTo("/api/v1/slots/home-hero/fragment");
    assertThat(sent.uri().getQuery())
        .isEqualTo("space=shop&channel=web&page=https://shop.example/?utm_source=facebook");
    assertThat(sent.header("Cookie")).isEqualTo("bespoke_vid=v1.abc; bespoke_consent=p:1,a:0");
    assertThat(sent.header("Referer")).isEqualTo("https://www.facebook.com/");
  }

  @Test
  void anEmptyFragmentOrAFailedOneGivesTheDefault() {
    bespoke.answer(200, Map.of("Bespoke-Fallback", "true"), "");
    Fragment empty = client.fragment("home-hero", "<h2>Welcome</h2>", page(), null);
    assertThat(empty.html()).isEqualTo("<h2>Welcome</h2>");
    assertThat(empty.fallback()).as("Bespoke said it fell back").isTrue();

    bespoke.answer(500, Map.of(), "oops");
    Fragment failed = client.fragment("home-hero", "<h2>Welcome</h2>", page(), null);
    assertThat(failed.html()).isEqualTo("<h2>Welcome</h2>");
    assertThat(failed.fallback()).isTrue();
    assertThat(failed.fallbackReason()).isEqualTo("server error: HTTP 500");
    assertThat(failed.decisionId()).isNull();
  }

  @Test
  void eventsAreSentAsOneBatchAndTheAcceptedCountIsRead() throws Exception {
    bespoke.answer(202, Map.of("Content-Type", JSON), "{\"accepted\":3}");

    Tracked tracked =
        client
            .track(
                List.of(
                    TrackEvent.impression("d1"),
                    TrackEvent.conversion("purchase", 49.95, "d1"),
                    TrackEvent.pageview("https://shop.example/shoes", Map.of("category", "shoes"))),
                PageContext.of("https://shop.example/shoes"),
                "v1.abc")
            .join();

    assertThat(tracked).isEqualTo(new Tracked(3, true, null));
    JsonNode body = json.readTree(bespoke.last().body());
    assertThat(body.get("space").asText()).isEqualTo("shop");
    assertThat(body.at("/events/0/type").asText()).isEqualTo("impression");
    assertThat(body.at("/events/0/decisionId").asText()).isEqualTo("d1");
    assertThat(body.at("/events/1/goal").asText()).isEqualTo("purchase");
    assertThat(body.at("/events/1/value").asDouble()).isEqualTo(49.95);
    assertThat(body.at("/events/2/page/url").asText()).isEqualTo("https://shop.example/shoes");
    assertThat(body.at("/events/2/properties/category").asText()).isEqualTo("shoes");
    assertThat(bespoke.last().header("Cookie")).isEqualTo("bespoke_vid=v1.abc");
  }

  @Test
  void aRefusedBatchIsReportedNotThrown() {
    bespoke.answer(
        400, Map.of(), "{\"status\":400,\"detail\":\"events[0].type: unknown event type\"}");

    Tracked tracked =
        client.track(List.of(TrackEvent.click("d1")), PageContext.of(null), null).join();

    assertThat(tracked.delivered()).isFalse();
    assertThat(tracked.failureReason())
        .isEqualTo("refused: HTTP 400: events[0].type: unknown event type");
  }

  @Test
  void missingArgumentsGiveThePageItsDefaultsNotAnException() {
    bespoke.answer(200, Map.of("Content-Type", JSON), TWO_DECISIONS);

    Decisions withoutContext = client.decide(SLOTS, null, null);
    Fragment withoutSlot = client.fragment(null, "<p>ours</p>", null, null);
    Tracked withoutEvents = client.track(null, null, null).join();

    assertThat(withoutContext.fallback()).isFalse();
    assertThat(withoutContext.decisions()).hasSize(2);
    assertThat(withoutSlot.html()).isEqualTo("<p>ours</p>");
    assertThat(withoutSlot.fallback()).isTrue();
    assertThat(withoutEvents.delivered()).isFalse();
  }

  @Test
  void theBuilderRefusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> BespokeClient.builder(URI.create("/relative")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BespokeClient.builder(bespoke.uri()).space(" ").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> BespokeClient.builder(bespoke.uri()).requestTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeletedVisitorCookieIsNotOfferedForFurtherCalls() {
    assertThat(SetCookies.visitorCookie(List.of("bespoke_vid=; Max-Age=0; Path=/"))).isEmpty();
    assertThat(SetCookies.visitorCookie(List.of("other=1", "bespoke_vid=v1.x; Path=/")))
        .contains("v1.x");
  }
}
