package dev.bespoke.server.context;

import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.session.Customer;
import java.util.Map;
import java.util.Optional;

/**
 * What context resolution found for one request.
 *
 * @param visitorId the signed visitor id to use: the caller's when it verified, else a new one
 * @param newVisitor whether {@code visitorId} was issued by this request
 * @param setCookie whether the answer should set the {@code bespoke_vid} cookie to {@code
 *     visitorId}: consent allows storage and the browser does not already hold this id
 * @param consent the consent the request itself states (body, else cookie); what the visitor stored
 *     earlier is added once the profile is read ({@code Consent.withStored})
 * @param customer the logged-in customer, when a session token verified
 * @param attributes request signals and customer claims by attribute name, values strings, numbers
 *     or booleans, ready for {@code VisitorContext.Builder.attributes(...)}
 */
public record ResolvedRequest(
    String visitorId,
    boolean newVisitor,
    boolean setCookie,
    Consent consent,
    Optional<Customer> customer,
    Map<String, Object> attributes) {

  public ResolvedRequest {
    attributes = Map.copyOf(attributes);
  }

  /** The same request with no visitor cookie to set. */
  public ResolvedRequest withoutCookie() {
    return new ResolvedRequest(visitorId, newVisitor, false, consent, customer, attributes);
  }

  @Override
  public String toString() {
    // Attribute names only: values include page URLs and claims, ids are credentials.
    return "ResolvedRequest[newVisitor="
        + newVisitor
        + ", setCookie="
        + setCookie
        + ", consent="
        + consent
        + ", loggedIn="
        + customer.isPresent()
        + ", attributes="
        + attributes.keySet()
        + "]";
  }
}
