package dev.bespoke.server.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.server.context.consent.ConsentResolver;
import dev.bespoke.server.context.consent.ConsentState;
import dev.bespoke.server.context.geo.GeoResolver;
import dev.bespoke.server.context.locale.LocaleResolver;
import dev.bespoke.server.context.page.PageSignals;
import dev.bespoke.server.context.session.SessionVerifier;
import dev.bespoke.server.context.testsupport.Configs;
import dev.bespoke.server.context.testsupport.SharedDeviceClassifier;
import dev.bespoke.server.context.visitor.Signers;
import dev.bespoke.server.context.visitor.VisitorIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** The whole resolution with every real part: keys, parser, resolvers. */
class RequestContextResolverTest {

  private static final String JWT_SECRET = "session-secret-for-the-resolver-test!";
  private static final String FACEBOOK_APP_ON_TABLET =
      "Mozilla/5.0 (Linux; Android 13; SM-X200 Build/TP1A.220624.014; wv) AppleWebKit/537.36"
          + " (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Safari/537.36"
          + " [FB_IAB/FB4A;FBAV/446.0.0.37.107;]";

  private final Signers signers =
      Signers.withKey("resolver-test-signing-key-32-bytes!".getBytes(StandardCharsets.UTF_8));
  private final VisitorIds ids = new VisitorIds(signers);
  private final SessionVerifier sessions = sessions();
  private final RequestContextResolver resolver =
      new RequestContextResolver(
          ids,
          new ConsentResolver(),
          sessions,
          SharedDeviceClassifier.get(),
          new GeoResolver(Configs.geoHeader("CF-IPCountry", null)),
          new LocaleResolver(),
          new PageSignals(Configs.page()));

  @Test
  void aFacebookAdVisitorOnATabletFromTheNetherlands() {
    IncomingRequest request =
        IncomingRequest.builder()
            .headers(
                Headers.of(
                    "User-Agent", FACEBOOK_APP_ON_TABLET,
                    "CF-IPCountry", "NL",
                    "Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5"))
            .remoteAddress("81.2.69.142")
            .host("shop.example")
            .channel("web")
            .pageUrl(
                "https://shop.example/schoenen?utm_source=facebook&utm_medium=paid_social"
                    + "&utm_campaign=spring&fbclid=IwAR0")
            .pageReferrer("https://l.facebook.com/")
            .traits(Map.of("preferredCategory", "running"))
            .build();

    ResolvedRequest resolved = resolver.resolve(request, false);

    assertThat(resolved.newVisitor()).isTrue();
    assertThat(resolved.setCookie()).isTrue();
    assertThat(ids.verify(resolved.visitorId())).contains(resolved.visitorId());
    assertThat(resolved.customer()).isEmpty();
    assertThat(resolved.attributes())
        .containsEntry("channel", "web")
        .containsEntry("device.type", "tablet")
        .containsEntry("device.os", "Android")
        .containsEntry("geo.country", "NL")
        .containsEntry("locale", "nl-NL")
        .containsEntry("language", "nl")
        .containsEntry("page.host", "shop.example")
        .containsEntry("page.path", "/schoenen")
        .containsEntry("referrer.host", "l.facebook.com")
        .containsEntry("utm.source", "facebook")
        .containsEntry("utm.campaign", "spring")
        .containsEntry("touchpoint", "paid")
        .containsEntry("request.preferredCategory", "running")
        .doesNotContainKeys("customer.loggedIn", "consent.personalization");
  }

  @Test
  void attributesFeedTheCoreContextAsIs() {
    ResolvedRequest resolved =
        resolver.resolve(
            IncomingRequest.builder()
                .headers(
                    Headers.of(
                        "User-Agent",
                        FACEBOOK_APP_ON_TABLET,
                        "Authorization",
                        "Bearer " + jwt("gold-customer", Map.of("tier", "gold", "orders", 7))))
                .traits(Map.of("age", 41, "vip", true, "score", 2.5))
                .consent(true, false)
                .pageUrl("https://shop.example/")
                .build(),
            true);
    VisitorContext context =
        VisitorContext.builder(Instant.parse("2026-11-24T12:00:00Z"), ZoneId.of("Europe/Amsterdam"))
            .attributes(resolved.attributes())
            .build();
    assertThat(context.attribute("customer.loggedIn")).contains(true);
    assertThat(context.attribute("customer.tier")).contains("gold");
    assertThat(context.attribute("customer.orders")).contains(7L);
    assertThat(context.attribute("request.age")).contains(41);
    assertThat(context.attribute("consent.personalization")).contains(true);
    assertThat(context.attribute("device.type")).contains("tablet");
    assertThat(resolved.customer().orElseThrow().id()).isEqualTo("gold-customer");
    assertThat(resolved.consent().analytics()).isEqualTo(ConsentState.DENIED);
  }

  @Test
  void theCookieKeepsTheVisitorAndIsNotSetAgain() {
    String id = ids.issue();
    ResolvedRequest resolved =
        resolver.resolve(
            IncomingRequest.builder().cookies(Map.of("bespoke_vid", id)).build(), false);
    assertThat(resolved.visitorId()).isEqualTo(id);
    assertThat(resolved.newVisitor()).isFalse();
    assertThat(resolved.setCookie()).isFalse();
  }

  @Test
  void anAppKeepsItsIdThroughTheBodyAndTheBodyWinsOverTheCookie() {
    String app = ids.issue();
    String cookie = ids.issue();
    ResolvedRequest fromBody =
        resolver.resolve(IncomingRequest.builder().visitorId(app).build(), false);
    assertThat(fromBody.visitorId()).isEqualTo(app);
    assertThat(fromBody.newVisitor()).isFalse();

    ResolvedRequest both =
        resolver.resolve(
            IncomingRequest.builder().visitorId(app).cookies(Map.of("bespoke_vid", cookie)).build(),
            false);
    assertThat(both.visitorId()).isEqualTo(app);
    assertThat(both.setCookie()).isTrue();
  }

  @Test
  void aForgedIdIsNotBelieved() {
    String real = ids.issue();
    String forged = real.substring(0, 3) + "BBBBBBBBBBBBBBBBBBBBBB" + real.substring(25);
    ResolvedRequest withCookie =
        resolver.resolve(
            IncomingRequest.builder()
                .visitorId(forged)
                .cookies(Map.of("bespoke_vid", real))
                .build(),
            false);
    assertThat(withCookie.visitorId()).isEqualTo(real);

    ResolvedRequest alone =
        resolver.resolve(
            IncomingRequest.builder()
                .visitorId(forged)
                .cookies(Map.of("bespoke_vid", "v1.x.y"))
                .build(),
            false);
    assertThat(alone.visitorId()).isNotIn(forged, real);
    assertThat(alone.newVisitor()).isTrue();
  }

  @Test
  void aForgedSessionTokenLeavesTheVisitorAnonymous() {
    String token = jwt("gold-customer", Map.of("tier", "gold"));
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    ResolvedRequest resolved =
        resolver.resolve(
            IncomingRequest.builder()
                .headers(Headers.of("Authorization", "Bearer " + tampered))
                .build(),
            false);
    assertThat(resolved.customer()).isEmpty();
    assertThat(resolved.attributes()).doesNotContainKeys("customer.loggedIn", "customer.tier");
  }

  @Test
  void consentDecidesWhetherTheCookieIsSet() {
    IncomingRequest anonymous = IncomingRequest.builder().build();
    assertThat(resolver.resolve(anonymous, true).setCookie()).isFalse();
    assertThat(resolver.resolve(anonymous, false).setCookie()).isTrue();

    IncomingRequest granted =
        IncomingRequest.builder().cookies(Map.of("bespoke_consent", "p:1,a:0")).build();
    assertThat(resolver.resolve(granted, true).setCookie()).isTrue();

    IncomingRequest refused = IncomingRequest.builder().consent(false, null).build();
    assertThat(resolver.resolve(refused, false).setCookie()).isFalse();
    assertThat(resolver.resolve(refused, false).attributes())
        .containsEntry("consent.personalization", false);
  }

  @Test
  void getUsesTheRefererAsThePageAndPostDoesNot() {
    Headers headers = Headers.of("Referer", "https://shop.example/sale?utm_source=newsletter");
    ResolvedRequest get =
        resolver.resolve(IncomingRequest.builder().get(true).headers(headers).build(), false);
    assertThat(get.attributes())
        .containsEntry("page.path", "/sale")
        .containsEntry("touchpoint", "email")
        .doesNotContainKey("referrer.host");
    ResolvedRequest post =
        resolver.resolve(IncomingRequest.builder().headers(headers).build(), false);
    assertThat(post.attributes())
        .doesNotContainKey("page.path")
        .containsEntry("touchpoint", "direct");
  }

  @Test
  void traitsAreBoundedAndPlain() {
    Map<String, Object> traits = new LinkedHashMap<>();
    traits.put("nested", Map.of("a", 1));
    traits.put("list", List.of(1, 2));
    traits.put("long", "x".repeat(201));
    traits.put("crlf", "a\r\nb");
    traits.put("bad name!", "v");
    traits.put("nothing", null);
    for (int i = 0; i < 80; i++) {
      traits.put("t" + i, i);
    }
    Map<String, Object> attributes =
        resolver.resolve(IncomingRequest.builder().traits(traits).build(), false).attributes();
    assertThat(attributes.keySet().stream().filter(k -> k.startsWith("request.")))
        .hasSize(50)
        .contains("request.t0", "request.t49")
        .doesNotContain(
            "request.nested", "request.list", "request.long", "request.crlf", "request.t50");
  }

  @Test
  void theBodyCannotPretendToBeLoggedIn() {
    Map<String, Object> attributes =
        resolver
            .resolve(
                IncomingRequest.builder()
                    .traits(Map.of("customer.loggedIn", true, "loggedIn", true))
                    .build(),
                false)
            .attributes();
    assertThat(attributes)
        .doesNotContainKey("customer.loggedIn")
        .containsEntry("request.loggedIn", true);
  }

  @Test
  void hostileRequestsResolveWithoutAnException() {
    Map<String, Object> traits = new HashMap<>();
    traits.put(null, "x");
    IncomingRequest request =
        IncomingRequest.builder()
            .headers(
                Headers.of(
                    "User-Agent", "Mozilla/5.0 (" + ";".repeat(5_000),
                    "Accept-Language", "*;q=NaN,en;q=1e309",
                    "CF-IPCountry", "XX\r\n",
                    "Authorization", "Bearer " + "a".repeat(100_000),
                    "Referer", "javascript:alert(1)",
                    "Sec-CH-UA-Mobile", "?1?1"))
            .cookies(Map.of("bespoke_vid", "v1." + "A".repeat(10_000), "bespoke_consent", "%%%"))
            .remoteAddress("evil.example")
            .channel("WEB; DROP TABLE")
            .visitorId("../../etc/passwd")
            .pageUrl("https://[::1/" + "%".repeat(3))
            .locale("\u0000")
            .traits(traits)
            .get(true)
            .build();
    ResolvedRequest resolved = resolver.resolve(request, false);
    assertThat(resolved.newVisitor()).isTrue();
    assertThat(resolved.attributes())
        .doesNotContainKeys("channel", "geo.country")
        .containsEntry("language", "en");
  }

  @Test
  void logsCannotLeakCredentials() {
    String token = jwt("c-1", Map.of());
    String id = ids.issue();
    IncomingRequest request =
        IncomingRequest.builder()
            .headers(Headers.of("Authorization", "Bearer " + token))
            .cookies(Map.of("bespoke_vid", id))
            .remoteAddress("81.2.69.142")
            .build();
    ResolvedRequest resolved = resolver.resolve(request, false);
    for (String text :
        List.of(request.toString(), resolved.toString(), request.headers().toString())) {
      assertThat(text).doesNotContain(token, id, "81.2.69.142");
    }
  }

  private static SessionVerifier sessions() {
    SessionVerifier verifier =
        new SessionVerifier(Configs.session(Configs.Jwt.none().withSecret(JWT_SECRET), null));
    verifier.load();
    return verifier;
  }

  private static String jwt(String subject, Map<String, Object> extra) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject(subject);
    claims.setExpirationTimeMinutesInTheFuture(10);
    extra.forEach(claims::setClaim);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKey(new HmacKey(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
    try {
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
