package dev.bespoke.server.context.page;

import java.util.Map;
import java.util.Optional;

/**
 * What the page URL and the referrer say.
 *
 * @param url the page URL without its fragment, at most 2,048 characters
 * @param path the decoded path, at most 2,048 characters
 * @param host the page's host in lower case, without port
 * @param referrerHost the referring page's host in lower case
 * @param utm the UTM parameters by short name ({@code source}, {@code medium}, …)
 * @param touchpoint how the visitor arrived
 */
public record Page(
    Optional<String> url,
    Optional<String> path,
    Optional<String> host,
    Optional<String> referrerHost,
    Map<String, String> utm,
    Touchpoint touchpoint) {

  public Page {
    utm = Map.copyOf(utm);
  }

  /** Puts the known parts under {@code page.*}, {@code referrer.host}, {@code utm.*}. */
  public void addTo(Map<String, Object> attributes) {
    url.ifPresent(v -> attributes.put("page.url", v));
    path.ifPresent(v -> attributes.put("page.path", v));
    host.ifPresent(v -> attributes.put("page.host", v));
    referrerHost.ifPresent(v -> attributes.put("referrer.host", v));
    utm.forEach((name, value) -> attributes.put("utm." + name, value));
    attributes.put("touchpoint", touchpoint.value());
  }
}
