package dev.bespoke.server.reach;

import dev.bespoke.core.context.VisitorContext;
import java.util.Set;

/**
 * What a sampled context leaves out. The context never held the visitor id or the IP address
 * (country and region are what geo resolution keeps); this removes the claims of a logged-in
 * customer that name a person, and the query string and fragment of the page URL, where sites put
 * e-mail addresses and tokens. The segment resolver is dropped too: reach asks each context about
 * segments as they are when it runs, and an old snapshot is not kept alive by a sample.
 */
final class SampleRedaction {

  /** Claims that identify the customer rather than describe them. */
  static final Set<String> IDENTIFYING_CLAIMS =
      Set.of(
          "customer.sub",
          "customer.id",
          "customer.customerId",
          "customer.customer_id",
          "customer.sid",
          "customer.email",
          "customer.name",
          "customer.given_name",
          "customer.family_name",
          "customer.preferred_username",
          "customer.phone_number");

  private SampleRedaction() {}

  static VisitorContext of(VisitorContext context) {
    VisitorContext kept =
        needsCopy(context) ? context.withAttributes(SampleRedaction::keep) : context;
    return kept.withSegmentResolver((c, key) -> false);
  }

  /** Most requests carry nothing to remove: they are kept without copying their attributes. */
  private static boolean needsCopy(VisitorContext context) {
    if (context.attributes().get("page.url") instanceof String url
        && (url.indexOf('?') >= 0 || url.indexOf('#') >= 0)) {
      return true;
    }
    if (Boolean.TRUE.equals(context.attributes().get("customer.loggedIn"))) {
      for (String claim : IDENTIFYING_CLAIMS) {
        if (context.attributes().containsKey(claim)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object keep(String name, Object value) {
    if (IDENTIFYING_CLAIMS.contains(name)) {
      return null;
    }
    if (name.equals("page.url") && value instanceof String url) {
      int cut = firstOf(url, '?', '#');
      return cut < 0 ? url : url.substring(0, cut);
    }
    return value;
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
