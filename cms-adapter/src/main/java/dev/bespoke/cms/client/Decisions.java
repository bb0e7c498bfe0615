package dev.bespoke.cms.client;

import java.util.List;
import java.util.Optional;

/**
 * The answer to {@link BespokeClient#decide}: one decision per slot, in the order asked.
 *
 * @param visitorId the visitor id Bespoke answered with; {@code null} on fallback
 * @param setCookies the {@code Set-Cookie} headers Bespoke issued: add each to the page's response
 *     so the browser keeps its visitor id
 * @param fallback true when Bespoke did not answer usably and every slot shows the page's default
 * @param fallbackReason why ({@code "timeout after 300 ms"}, {@code "HTTP 503"}, …), else null
 */
public record Decisions(
    String visitorId,
    List<Decision> decisions,
    List<String> setCookies,
    boolean fallback,
    String fallbackReason) {

  public Decisions {
    decisions = List.copyOf(decisions);
    setCookies = setCookies == null ? List.of() : List.copyOf(setCookies);
  }

  /** The decision for {@code slot}; empty when it was not asked for. */
  public Optional<Decision> slot(String slot) {
    return decisions.stream().filter(d -> d.slot().equals(slot)).findFirst();
  }

  /** The {@code bespoke_vid} value Bespoke set, to pass to further calls for the same page. */
  public Optional<String> visitorCookie() {
    return SetCookies.visitorCookie(setCookies);
  }

  static Decisions pageDefaults(List<SlotDefault> slots, String reason) {
    return new Decisions(
        null,
        slots.stream().map(s -> Decision.pageDefault(s, "page default: " + reason)).toList(),
        List.of(),
        true,
        reason);
  }
}
