package dev.bespoke.cms.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the delivery API's requests (API.md) from the page's context: the body or query, the
 * visitor's cookie, consent, session and forwarded headers, and the space's delivery key.
 */
final class WireRequests {

  /** RFC 6265 cookie-octets: anything else would break the header, so it is not forwarded. */
  private static final Pattern COOKIE_VALUE =
      Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]{1,4096}");

  private static final String DELIVERY_KEY_HEADER = "X-Bespoke-Key";

  private final ClientSettings settings;
  private final ObjectMapper json;

  WireRequests(ClientSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  HttpRequest decisions(List<SlotDefault> slots, PageContext page, String visitorCookie)
      throws JsonProcessingException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("space", settings.space());
    body.put("channel", settings.channel());
    body.put("slots", slots.stream().map(SlotDefault::slot).toList());
    Map<String, Object> pageRef = new LinkedHashMap<>();
    putIfPresent(pageRef, "url", page.url());
    putIfPresent(pageRef, "referrer", page.referrer());
    if (!pageRef.isEmpty()) {
      body.put("page", pageRef);
    }
    putIfPresent(body, "locale", page.locale());
    if (!page.traits().isEmpty()) {
      body.put("traits", page.traits());
    }
    if (page.consent() != null) {
      body.put(
          "consent",
          Map.of(
              "personalization", page.consent().personalization(),
              "analytics", page.consent().analytics()));
    }
    return common("/api/v1/decisions", page, visitorCookie, false)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
        .build();
  }

  /** Consent travels in the {@code bespoke_consent} cookie here: a GET has no body. */
  HttpRequest fragment(String slot, PageContext page, String visitorCookie) {
    StringBuilder query =
        new StringBuilder("?space=")
            .append(encode(settings.space()))
            .append("&channel=")
            .append(encode(settings.channel()));
    if (page.url() != null) {
      query.append("&page=").append(encode(page.url()));
    }
    HttpRequest.Builder request =
        common("/api/v1/slots/" + encode(slot) + "/fragment" + query, page, visitorCookie, true)
            .header("Accept", "text/html");
    if (page.referrer() != null) {
      trySetHeader(request, "Referer", page.referrer());
    }
    return request.GET().build();
  }

  HttpRequest events(List<TrackEvent> events, PageContext page, String visitorCookie)
      throws JsonProcessingException {
    List<Map<String, Object>> wire = new ArrayList<>();
    for (TrackEvent event : events) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("type", event.type());
      putIfPresent(e, "decisionId", event.decisionId());
      putIfPresent(e, "goal", event.goal());
      putIfPresent(e, "value", event.value());
      putIfPresent(e, "name", event.name());
      if (event.pageUrl() != null) {
        e.put("page", Map.of("url", event.pageUrl()));
      }
      if (!event.properties().isEmpty()) {
        e.put("properties", event.properties());
      }
      wire.add(e);
    }
    Map<String, Object> body = Map.of("space", settings.space(), "events", wire);
    return common("/api/v1/events", page, visitorCookie, false)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
        .build();
  }

  private HttpRequest.Builder common(
      String pathAndQuery, PageContext page, String visitorCookie, boolean consentInCookie) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.resolve(pathAndQuery)).timeout(settings.requestTimeout());
    page.headers().forEach((name, value) -> trySetHeader(request, name, value));
    if (settings.deliveryKey() != null) {
      trySetHeader(request, DELIVERY_KEY_HEADER, settings.deliveryKey());
    }
    if (page.sessionToken() != null) {
      trySetHeader(request, "Authorization", "Bearer " + page.sessionToken());
    }
    List<String> cookies = new ArrayList<>();
    if (visitorCookie != null && COOKIE_VALUE.matcher(visitorCookie).matches()) {
      cookies.add(SetCookies.VISITOR + "=" + visitorCookie);
    }
    if (consentInCookie && page.consent() != null) {
      cookies.add("bespoke_consent=" + page.consent().cookieValue());
    }
    if (!cookies.isEmpty()) {
      request.setHeader("Cookie", String.join("; ", cookies));
    }
    return request;
  }

  /**
   * A forwarded header with a value java.net.http refuses (a line break, a restricted name) is left
   * out: the decision then lacks one signal, which is better than no decision.
   */
  private static void trySetHeader(HttpRequest.Builder request, String name, String value) {
    try {
      request.setHeader(name, value);
    } catch (IllegalArgumentException refused) {
      // left out on purpose, see above
    }
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
