package dev.bespoke.server.context.session;

import java.util.Map;

/**
 * A logged-in customer.
 *
 * @param id the token's {@code sub}
 * @param claims the token's plain claims (strings, numbers, booleans), registered time and audience
 *     claims excluded, by claim name
 */
public record Customer(String id, Map<String, Object> claims) {

  public Customer {
    claims = Map.copyOf(claims);
  }

  /** Puts {@code customer.loggedIn=true} and each claim as {@code customer.<claim>}. */
  public void addTo(Map<String, Object> attributes) {
    claims.forEach((name, value) -> attributes.put("customer." + name, value));
    attributes.put("customer.loggedIn", true);
  }
}
