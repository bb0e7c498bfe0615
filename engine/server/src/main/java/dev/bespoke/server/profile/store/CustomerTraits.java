package dev.bespoke.server.profile.store;

import java.util.Map;

/** One customer's traits from a CRM, as one import line carries them. */
public record CustomerTraits(String customerId, Map<String, Object> traits) {

  public CustomerTraits {
    traits = Map.copyOf(traits);
  }

  @Override
  public String toString() {
    return "CustomerTraits[" + traits.size() + " traits]";
  }
}
