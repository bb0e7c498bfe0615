package dev.bespoke.server.context.page;

import dev.bespoke.server.context.support.CleanText;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the page URL and the referrer: {@code page.url|path|host}, {@code referrer.host}, the UTM
 * parameters and the {@code touchpoint}.
 *
 * <p>Everything is bounded: URLs over 8 kB are ignored, the URL and path are cut to 2,048
 * characters, a UTM value to 200, and a value holding a control character (a CR/LF header injection
 * attempt, say) is dropped rather than cleaned, because it was never a real tag.
 */
@ApplicationScoped
public class PageSignals {

  public static final int MAX_URL_LENGTH = 2_048;
  public static final int MAX_PATH_LENGTH = 2_048;
  public static final int MAX_UTM_LENGTH = 200;

  private static final List<String> UTM =
      List.of("source", "medium", "campaign", "term", "content");
  private static final Set<String> WANTED = new HashSet<>(TouchpointClassifier.CLICK_IDS);

  static {
    UTM.forEach(name -> WANTED.add("utm_" + name));
  }

  private final TouchpointClassifier touchpoints;

  public PageSignals(PageConfig config) {
    this.touchpoints = new TouchpointClassifier(config);
  }

  /**
   * @param pageUrl the URL of the page being personalised (the body's {@code page.url}, or the
   *     {@code Referer} of a GET from a browser)
   * @param referrer the page that led the visitor here ({@code document.referrer})
   */
  public Page resolve(String pageUrl, String referrer) {
    Optional<URI> page = Urls.web(pageUrl);
    Optional<String> host = page.map(Urls::host);
    Map<String, String> params =
        page.map(u -> QueryParams.first(u.getRawQuery(), WANTED)).orElse(Map.of());
    Map<String, String> utm = new LinkedHashMap<>();
    Map<String, String> lowered = new LinkedHashMap<>();
    params.forEach(
        (name, raw) -> {
          String value = cleanValue(raw);
          if (value == null) {
            return;
          }
          lowered.put(name, value.toLowerCase(Locale.ROOT));
          if (name.startsWith("utm_")) {
            utm.put(name.substring(4), value);
          }
        });
    Optional<URI> from = Urls.parse(referrer);
    TouchpointClassifier.Referrer ref =
        from.map(
                u ->
                    new TouchpointClassifier.Referrer(
                        u.getScheme().toLowerCase(Locale.ROOT), Urls.host(u)))
            .orElse(null);
    Optional<String> referrerHost =
        from.filter(u -> !"android-app".equalsIgnoreCase(u.getScheme())).map(Urls::host);
    return new Page(
        page.map(PageSignals::urlText),
        page.map(PageSignals::pathText),
        host,
        referrerHost,
        utm,
        touchpoints.classify(lowered, ref, host));
  }

  private static String cleanValue(String raw) {
    if (CleanText.hasControl(raw)) {
      return null;
    }
    return CleanText.truncate(CleanText.blankToNull(raw), MAX_UTM_LENGTH);
  }

  private static String urlText(URI uri) {
    String text = uri.toString();
    int hash = text.indexOf('#');
    // The fragment never reaches a server and often holds client state or tokens.
    return CleanText.truncate(hash < 0 ? text : text.substring(0, hash), MAX_URL_LENGTH);
  }

  private static String pathText(URI uri) {
    String path = CleanText.stripControl(uri.getPath());
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    return CleanText.truncate(path, MAX_PATH_LENGTH);
  }
}
