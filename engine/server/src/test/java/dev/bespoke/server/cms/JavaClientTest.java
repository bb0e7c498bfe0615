package dev.bespoke.server.cms;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.cms.client.BespokeClient;
import dev.bespoke.cms.client.Consent;
import dev.bespoke.cms.client.Decision;
import dev.bespoke.cms.client.Decisions;
import dev.bespoke.cms.client.Fragment;
import dev.bespoke.cms.client.PageContext;
import dev.bespoke.cms.client.SlotDefault;
import dev.bespoke.cms.client.TrackEvent;
import dev.bespoke.cms.client.Tracked;
import dev.bespoke.cms.client.Variant;
import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java client for server-rendered CMS pages against the running service: real decisions,
 * fragments and events, the visitor cookie passed through, and the page's defaults when Bespoke
 * cannot be reached or does not answer in time.
 */
@QuarkusTest
class JavaClientTest {

  /**
   * Generous for calls that must succeed: the shared 2-core build machines can take longer than a
   * page's budget for a first decision, which is the fallback working, not what these tests are
   * about. The fallback tests use the default budget.
   */
  private static final Duration LOADED_MACHINE = Duration.ofSeconds(10);

  private static final String FACEBOOK_PAGE = "https://shop.example/?utm_source=facebook";
  private static final String DESKTOP =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Safari/537.36";

  private static final Variant HERO_DEFAULT = Variant.ofHtml("<h1>Our own hero</h1>");
  private static final Variant PROMO_DEFAULT = Variant.ofFields(Map.of("title", "Our promise"));
  private static final List<SlotDefault> HOME =
      List.of(
          SlotDefault.of("home-hero", HERO_DEFAULT), SlotDefault.of("promo-bar", PROMO_DEFAULT));

  @TestHTTPResource("/")
  URL base;

  @Inject SnapshotRegistry snapshots;

  private BespokeClient bespoke() {
    return BespokeClient.builder(URI.create(base.toString()))
        .requestTimeout(LOADED_MACHINE)
        .connectTimeout(LOADED_MACHINE)
        .build();
  }

  private static PageContext facebookVisitor() {
    return PageContext.of(FACEBOOK_PAGE)
        .withReferrer("https://www.facebook.com/")
        .withHeader("User-Agent", DESKTOP)
        .withConsent(Consent.ALL);
  }

  @Test
  void aRealDecisionComesThroughWithTheCookieForTheBrowser() {
    Decisions answer = bespoke().decide(HOME, facebookVisitor(), null);

    assertThat(answer.fallback()).as(answer.fallbackReason()).isFalse();
    Decision hero = answer.decisions().get(0);
    assertThat(hero.slot()).isEqualTo("home-hero");
    assertThat(hero.variant().key()).isEqualTo("facebook-offer");
    assertThat(hero.variant().text("title")).isEqualTo("Your 10% welcome discount");
    assertThat(hero.segments()).contains("facebook-ad");
    assertThat(hero.reason()).contains("facebook-ad");
    assertThat(hero.decisionId()).isNotBlank();
    assertThat(hero.fallback()).isFalse();
    assertThat(answer.decisions().get(1).variant().key()).isEqualTo("promo-bar-default");
    assertThat(answer.setCookies())
        .anySatisfy(c -> assertThat(c).startsWith("bespoke_vid=").contains("HttpOnly"));
    assertThat(answer.visitorCookie()).contains(answer.visitorId());
  }

  @Test
  void theVisitorCookiePassedBackKeepsTheSameVisitor() {
    BespokeClient bespoke = bespoke();
    Decisions first = bespoke.decide(HOME, facebookVisitor(), null);
    String cookie = first.visitorCookie().orElseThrow();

    Decisions again = bespoke.decide(HOME, PageContext.of("https://shop.example/shoes"), cookie);
    Decisions stranger = bespoke.decide(HOME, facebookVisitor(), null);

    assertThat(again.fallback()).isFalse();
    assertThat(again.visitorId()).isEqualTo(first.visitorId());
    assertThat(stranger.visitorId()).isNotEqualTo(first.visitorId());
  }

  @Test
  void withoutConsentNoCookieIsIssued() {
    Decisions answer = bespoke().decide(HOME, facebookVisitor().withConsent(Consent.NONE), null);

    assertThat(answer.fallback()).isFalse();
    assertThat(answer.visitorCookie()).isEmpty();
  }

  @Test
  void aFragmentIsTheChosenVariantAsHtml() {
    Fragment fragment =
        bespoke().fragment("home-hero", "<h1>Our own hero</h1>", facebookVisitor(), null);

    assertThat(fragment.fallback()).as(fragment.fallbackReason()).isFalse();
    assertThat(fragment.html()).contains("Your 10% welcome discount").doesNotContain("Our own");
    assertThat(fragment.decisionId()).isNotBlank();
  }

  @Test
  void anEventBatchIsAccepted() {
    BespokeClient bespoke = bespoke();
    Decisions answer = bespoke.decide(HOME, facebookVisitor(), null);
    String cookie = answer.visitorCookie().orElseThrow();

    Tracked tracked =
        bespoke
            .track(
                List.of(
                    TrackEvent.impression(answer.decisions().get(0).decisionId()),
                    TrackEvent.pageview(
                        "https://shop.example/shoes/1", Map.of("category", "shoes"))),
                PageContext.of("https://shop.example/shoes/1"),
                cookie)
            .join();

    assertThat(tracked).isEqualTo(new Tracked(2, true, null));
  }

  @Test
  void anUnreachableServiceGivesThePageItsDefaults() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    // A long budget: a refused connection must be reported as such, however loaded the machine.
    BespokeClient bespoke =
        BespokeClient.builder(URI.create("http://127.0.0.1:" + closedPort))
            .connectTimeout(LOADED_MACHINE)
            .requestTimeout(LOADED_MACHINE)
            .build();

    Decisions answer = bespoke.decide(HOME, facebookVisitor(), "v1.whatever");
    Fragment fragment = bespoke.fragment("home-hero", "<h1>Ours</h1>", facebookVisitor(), null);
    Tracked tracked = bespoke.track(List.of(TrackEvent.click("d")), facebookVisitor(), null).join();

    assertThat(answer.fallback()).isTrue();
    assertThat(answer.fallbackReason()).startsWith("unreachable");
    assertThat(answer.decisions())
        .extracting(Decision::variant)
        .containsExactly(HERO_DEFAULT, PROMO_DEFAULT);
    assertThat(answer.decisions()).allSatisfy(d -> assertThat(d.fallback()).isTrue());
    assertThat(answer.setCookies()).isEmpty();
    assertThat(fragment.html()).isEqualTo("<h1>Ours</h1>");
    assertThat(fragment.fallbackReason()).startsWith("unreachable");
    assertThat(tracked.delivered()).isFalse();
  }

  /**
   * A service that accepts connections and never answers (a hung node behind a load balancer): the
   * kernel completes the handshake for the listening socket's backlog, nothing ever reads.
   */
  @Test
  void aServiceThatNeverAnswersIsGivenUpOnAtTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Duration budget = Duration.ofMillis(300);
      BespokeClient bespoke =
          BespokeClient.builder(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
              .requestTimeout(budget)
              .build();

      long start = System.nanoTime();
      Decisions answer = bespoke.decide(HOME, facebookVisitor(), null);
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      Fragment fragment = bespoke.fragment("home-hero", "<h1>Ours</h1>", facebookVisitor(), null);
      Tracked tracked =
          bespoke.track(List.of(TrackEvent.click("d")), facebookVisitor(), null).join();

      assertThat(answer.fallback()).isTrue();
      assertThat(answer.fallbackReason()).isEqualTo("timeout: no answer within 300 ms");
      assertThat(answer.decisions())
          .extracting(Decision::variant)
          .containsExactly(HERO_DEFAULT, PROMO_DEFAULT);
      // The page waited for the budget, and not for anything like a default socket timeout; the
      // upper bound leaves room for a loaded machine.
      assertThat(waited).isGreaterThanOrEqualTo(budget).isLessThan(Duration.ofSeconds(5));
      assertThat(fragment.html()).isEqualTo("<h1>Ours</h1>");
      assertThat(fragment.fallbackReason()).startsWith("timeout");
      assertThat(tracked.failureReason()).startsWith("timeout");
    }
  }

  @Test
  void aSpaceThatRequiresADeliveryKeyAnswersTheClientThatHasOne() {
    String space = keyedSpaceWithABanner();
    String key =
        as(ADMIN)
            .body(Map.of("label", "cms"))
            .post(Api.space(space) + "/delivery-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    List<SlotDefault> banner = List.of(SlotDefault.of("banner", HERO_DEFAULT));
    BespokeClient withKey =
        BespokeClient.builder(URI.create(base.toString()))
            .space(space)
            .deliveryKey(key)
            .requestTimeout(LOADED_MACHINE)
            .build();
    BespokeClient withoutKey =
        BespokeClient.builder(URI.create(base.toString()))
            .space(space)
            .requestTimeout(LOADED_MACHINE)
            .build();

    Eventually.until(
        Duration.ofSeconds(15),
        () -> !withKey.decide(banner, PageContext.of(null), null).fallback());
    Decisions keyed = withKey.decide(banner, PageContext.of(null), null);
    Decisions refused = withoutKey.decide(banner, PageContext.of(null), null);

    assertThat(keyed.decisions().get(0).variant().key()).isEqualTo("banner-default");
    assertThat(refused.fallback()).isTrue();
    assertThat(refused.fallbackReason()).startsWith("refused: HTTP 401").contains("X-Bespoke-Key");
    assertThat(refused.decisions().get(0).variant()).isEqualTo(HERO_DEFAULT);
  }

  private String keyedSpaceWithABanner() {
    String space = UniqueKeys.unique("cmsclient");
    as(ADMIN)
        .body(Samples.with(Samples.space(space), "deliveryKeyRequired", true))
        .post(Api.SPACES)
        .then()
        .statusCode(201);
    String slot = Fixtures.create(Api.slots(space), Samples.slot("banner"));
    Fixtures.publish(Api.slots(space) + "/" + slot);
    String variants = Api.variants(space, slot);
    Fixtures.publish(
        variants
            + "/"
            + Fixtures.create(
                variants, Samples.with(Samples.variant("banner-default"), "isDefault", true)));
    Eventually.until(
        Duration.ofSeconds(15),
        () -> snapshots.get(space).map(s -> s.slot(slot).isPresent()).orElse(false));
    return space;
  }
}
