package dev.bespoke.cms.client;

import java.util.List;
import java.util.Optional;

/**
 * The answer to {@link BespokeClient#fragment}: HTML to include in the page.
 *
 * @param html Bespoke's fragment, or the page's default
 * @param decisionId for impression and click events; {@code null} when the default is used
 * @param setCookies the {@code Set-Cookie} headers Bespoke issued, for the page's response
 * @param fallback true when the html is a default served because of a fault
 * @param fallbackReason why, else {@code null}
 */
public record Fragment(
    String slot,
    String html,
    String decisionId,
    List<String> setCookies,
    boolean fallback,
    String fallbackReason) {

  public Fragment {
    setCookies = setCookies == null ? List.of() : List.copyOf(setCookies);
  }

  /** The {@code bespoke_vid} value Bespoke set, to pass to further calls for the same page. */
  public Optional<String> visitorCookie() {
    return SetCookies.visitorCookie(setCookies);
  }

  static Fragment pageDefault(String slot, String html, String reason) {
    return new Fragment(slot, html, null, List.of(), true, reason);
  }
}
