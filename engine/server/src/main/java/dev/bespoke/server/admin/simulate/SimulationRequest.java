package dev.bespoke.server.admin.simulate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A decisions request plus the visitor to pretend to be: request signals as attributes (what the
 * headers would have told), a stored profile, and the time to decide at.
 *
 * @param attributes request signals by attribute name ({@code geo.country}, {@code device.type},
 *     {@code utm.source}, {@code customer.tier} …), as a persona stores them
 * @param profile the stored profile to assume; absent means a first-time visitor
 * @param at the time to decide at; absent means now
 */
public record SimulationRequest(
    String channel,
    List<String> slots,
    String locale,
    Map<String, Object> attributes,
    SimulatedProfile profile,
    OffsetDateTime at) {

  /**
   * What the profile store would hold.
   *
   * @param counters behaviour counts by key ({@code pageview.category.shoes}) and day
   * @param scores interest scores as of {@code at}
   * @param conversions goals the visitor converted on
   */
  public record SimulatedProfile(
      Long visits,
      Map<String, Object> traits,
      Map<String, Map<LocalDate, Long>> counters,
      Map<String, Double> scores,
      List<String> conversions) {}
}
