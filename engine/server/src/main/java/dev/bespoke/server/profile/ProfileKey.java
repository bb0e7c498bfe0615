package dev.bespoke.server.profile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose profile, in which space: an anonymous visitor's (by the raw id inside the signed cookie) or
 * a logged-in customer's (by the customer id of the host site).
 *
 * <p>Ids are checked here, once, because they end up in storage keys: no braces (they would change
 * the Redis Cluster hash slot), no whitespace or control characters, and a bounded length.
 */
public record ProfileKey(String space, Kind kind, String id) {

  /** Whose profile it is. */
  public enum Kind {
    VISITOR,
    CUSTOMER
  }

  private static final Pattern SPACE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  // Wide enough for the signed ids context resolution issues (v1.<random>.<mac>); no ':' so a
  // visitor id can never be mistaken for the c:<customerId> of a customer's keys.
  private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final int MAX_CUSTOMER_ID = 128;

  public ProfileKey {
    Objects.requireNonNull(kind, "kind");
    if (space == null || !SPACE.matcher(space).matches()) {
      throw new IllegalArgumentException("not a space key");
    }
    boolean valid = kind == Kind.VISITOR ? isVisitorId(id) : isCustomerId(id);
    if (!valid) {
      // The id itself is never put in the message: it may be an e-mail address.
      throw new IllegalArgumentException("not a valid " + kind.name().toLowerCase() + " id");
    }
  }

  public static ProfileKey visitor(String space, String visitorId) {
    return new ProfileKey(space, Kind.VISITOR, visitorId);
  }

  public static ProfileKey customer(String space, String customerId) {
    return new ProfileKey(space, Kind.CUSTOMER, customerId);
  }

  public boolean isCustomer() {
    return kind == Kind.CUSTOMER;
  }

  public static boolean isVisitorId(String id) {
    return id != null && VISITOR_ID.matcher(id).matches();
  }

  public static boolean isCustomerId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_CUSTOMER_ID) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '{' || c == '}') {
        return false;
      }
    }
    return true;
  }

  /** Never the id: keys are logged, ids are personal data. */
  @Override
  public String toString() {
    return "ProfileKey[" + space + ", " + kind + "]";
  }
}
