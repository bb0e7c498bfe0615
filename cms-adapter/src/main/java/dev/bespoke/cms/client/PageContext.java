package dev.bespoke.cms.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the CMS knows about the page being rendered and the visitor's request, passed on so the
 * decision is the visitor's own. Immutable; each {@code with…} returns a copy.
 *
 * @param url the page's URL (path, host and UTM parameters feed segments)
 * @param referrer the visitor's {@code Referer}, or {@code null}
 * @param locale a BCP 47 locale ({@code nl-NL}) when the CMS knows it, else {@code null}
 * @param consent what the visitor agreed to, or {@code null} when the site has no consent tool
 * @param traits request traits ({@code request.<trait>} in rules)
 * @param headers the visitor's request headers to forward: {@code User-Agent}, {@code
 *     Accept-Language}, a trusted country header; {@code Cookie} and hop-by-hop headers are dropped
 *     (the visitor cookie goes as its own argument)
 * @param sessionToken the logged-in customer's session JWT, sent as a bearer token, or {@code null}
 */
public record PageContext(
    String url,
    String referrer,
    String locale,
    Consent consent,
    Map<String, Object> traits,
    Map<String, String> headers,
    String sessionToken) {

  /** Headers java.net.http refuses to set, and the cookie this client writes itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "cookie");

  public PageContext {
    traits = traits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(traits));
    Map<String, String> forwarded = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (name != null
                && value != null
                && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
              forwarded.put(name, value);
            }
          });
    }
    headers = Collections.unmodifiableMap(forwarded);
  }

  /** The context of a page at {@code url}, with nothing else known yet. */
  public static PageContext of(String url) {
    return new PageContext(url, null, null, null, Map.of(), Map.of(), null);
  }

  public PageContext withReferrer(String referrer) {
    return new PageContext(url, referrer, locale, consent, traits, headers, sessionToken);
  }

  public PageContext withLocale(String locale) {
    return new PageContext(url, referrer, locale, consent, traits, headers, sessionToken);
  }

  public PageContext withConsent(Consent consent) {
    return new PageContext(url, referrer, locale, consent, traits, headers, sessionToken);
  }

  public PageContext withTrait(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(traits);
    more.put(name, value);
    return new PageContext(url, referrer, locale, consent, more, headers, sessionToken);
  }

  /** Forwards one of the visitor's request headers; a {@code null} value is left out. */
  public PageContext withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new PageContext(url, referrer, locale, consent, traits, more, sessionToken);
  }

  public PageContext withSessionToken(String sessionToken) {
    return new PageContext(url, referrer, locale, consent, traits, headers, sessionToken);
  }
}
