package dev.bespoke.server.profile.identity;

import dev.bespoke.server.context.Headers;
import dev.bespoke.server.context.RequestCookies;
import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.consent.ConsentResolver;
import dev.bespoke.server.context.session.Customer;
import dev.bespoke.server.context.session.SessionVerifier;
import dev.bespoke.server.context.visitor.VisitorCookies;
import dev.bespoke.server.context.visitor.VisitorIds;
import dev.bespoke.server.profile.ProfileKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Map;
import java.util.Optional;

/** {@link VisitorIdentity} by the delivery path's own context resolution beans. */
@ApplicationScoped
public class ContextVisitorIdentity implements VisitorIdentity {

  private final VisitorIds visitorIds;
  private final ConsentResolver consents;
  private final SessionVerifier sessions;
  private final VisitorCookies cookies;

  public ContextVisitorIdentity(
      VisitorIds visitorIds,
      ConsentResolver consents,
      SessionVerifier sessions,
      VisitorCookies cookies) {
    this.visitorIds = visitorIds;
    this.consents = consents;
    this.sessions = sessions;
    this.cookies = cookies;
  }

  @Override
  public Caller identify(String claimedVisitorId, HttpHeaders headers) {
    Headers all = Headers.of(headers.getRequestHeaders());
    Map<String, String> jar = RequestCookies.of(all);
    Optional<String> visitor =
        visitorIds
            .verify(claimedVisitorId)
            .or(() -> visitorIds.verify(jar.get(VisitorCookies.NAME)));
    Optional<String> customer =
        sessions
            .resolve(all, jar)
            .map(Customer::id)
            // A subject that cannot name a storage key (braces, spaces) gets no customer profile.
            .filter(ProfileKey::isCustomerId);
    Consent consent = consents.resolve(null, null, jar.get(ConsentResolver.COOKIE));
    return new Caller(
        visitor, customer, consent.personalization().asBoolean(), consent.analytics().asBoolean());
  }

  @Override
  public String issue() {
    return visitorIds.issue();
  }

  @Override
  public NewCookie cookie(String visitorId, HttpHeaders headers) {
    return cookies.issue(visitorId, headers.getHeaderString(HttpHeaders.HOST));
  }

  @Override
  public NewCookie expiredCookie(HttpHeaders headers) {
    return cookies.expire(headers.getHeaderString(HttpHeaders.HOST));
  }
}
