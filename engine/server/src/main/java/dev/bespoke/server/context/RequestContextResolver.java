package dev.bespoke.server.context;

import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.consent.ConsentResolver;
import dev.bespoke.server.context.device.DeviceClassifier;
import dev.bespoke.server.context.geo.GeoResolver;
import dev.bespoke.server.context.locale.LocaleResolver;
import dev.bespoke.server.context.page.PageSignals;
import dev.bespoke.server.context.session.Customer;
import dev.bespoke.server.context.session.SessionVerifier;
import dev.bespoke.server.context.visitor.VisitorCookies;
import dev.bespoke.server.context.visitor.VisitorIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves one request into a {@link ResolvedRequest}: who the visitor is, what they consented to,
 * whether they are logged in, and the request signals as attributes.
 *
 * <p>Sources, as the delivery API lists them: the body first, then the session token, the visitor
 * cookie, the headers and the page URL. Each signal that cannot be read is left out; nothing a
 * caller sends makes this throw.
 */
@ApplicationScoped
public class RequestContextResolver {

  private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private final VisitorIds visitorIds;
  private final ConsentResolver consents;
  private final SessionVerifier sessions;
  private final DeviceClassifier devices;
  private final GeoResolver geo;
  private final LocaleResolver locales;
  private final PageSignals pages;

  public RequestContextResolver(
      VisitorIds visitorIds,
      ConsentResolver consents,
      SessionVerifier sessions,
      DeviceClassifier devices,
      GeoResolver geo,
      LocaleResolver locales,
      PageSignals pages) {
    this.visitorIds = visitorIds;
    this.consents = consents;
    this.sessions = sessions;
    this.devices = devices;
    this.geo = geo;
    this.locales = locales;
    this.pages = pages;
  }

  /**
   * @param consentRequired the space's {@code consentRequired}: without a consent grant no cookie
   *     is set
   */
  public ResolvedRequest resolve(IncomingRequest request, boolean consentRequired) {
    Headers headers = request.headers();
    Consent consent =
        consents.resolve(
            request.consentPersonalization(),
            request.consentAnalytics(),
            request.cookies().get(ConsentResolver.COOKIE));

    // A body (app) id wins over the cookie; an id that does not verify is simply not believed.
    Optional<String> fromCookie = visitorIds.verify(request.cookies().get(VisitorCookies.NAME));
    Optional<String> known = visitorIds.verify(request.visitorId()).or(() -> fromCookie);
    String visitorId = known.orElseGet(visitorIds::issue);
    boolean setCookie =
        consent.allowsStorage(consentRequired) && !fromCookie.equals(Optional.of(visitorId));

    Optional<Customer> customer = sessions.resolve(headers, request.cookies());

    Map<String, Object> attributes = new HashMap<>();
    channel(request.channel()).ifPresent(c -> attributes.put("channel", c));
    devices
        .classify(headers.first("User-Agent"), headers.first("Sec-CH-UA-Mobile"))
        .addTo(attributes);
    geo.resolve(headers, request.remoteAddress()).addTo(attributes);
    locales
        .resolve(request.locale(), headers.first("Accept-Language"))
        .ifPresent(l -> l.addTo(attributes));
    String pageUrl = request.pageUrl();
    if (pageUrl == null && request.get()) {
      // On a GET from a browser the Referer is the page that asked, not where the visitor came
      // from.
      pageUrl = headers.first("Referer");
    }
    pages.resolve(pageUrl, request.pageReferrer()).addTo(attributes);
    consent.addTo(attributes);
    RequestTraits.addTo(request.traits(), attributes);
    // Claims last: customer.loggedIn must be Bespoke's, whatever else was sent.
    customer.ifPresent(c -> c.addTo(attributes));

    return new ResolvedRequest(
        visitorId, known.isEmpty(), setCookie, consent, customer, attributes);
  }

  /**
   * The same request for a visitor whose id turned out to be erased: a fresh id in place of the
   * tombstoned one, which is never echoed back to be used again. The visitor starts over as new.
   */
  public ResolvedRequest renew(ResolvedRequest erased, boolean consentRequired) {
    return new ResolvedRequest(
        visitorIds.issue(),
        true,
        erased.consent().allowsStorage(consentRequired),
        erased.consent(),
        erased.customer(),
        erased.attributes());
  }

  private static Optional<String> channel(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String c = raw.strip().toLowerCase(Locale.ROOT);
    return CHANNEL.matcher(c).matches() ? Optional.of(c) : Optional.empty();
  }
}
