package dev.bespoke.cms.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Personalised content for server-rendered pages. One instance per Bespoke installation and space,
 * shared by all requests (it is thread-safe and keeps connections open).
 *
 * <p>No method throws to the page: when Bespoke is slow, unreachable, answers 4xx/5xx or something
 * unreadable, the page's own defaults come back with {@code fallback} set and a reason.
 *
 * <pre>{@code
 * BespokeClient bespoke = BespokeClient.builder(URI.create("http://bespoke:8080")).build();
 * Decisions d = bespoke.decide(
 *     List.of(SlotDefault.of("home-hero", Variant.ofHtml("<h1>Welcome</h1>"))),
 *     PageContext.of(pageUrl).withHeader("User-Agent", userAgent),
 *     cookieValue("bespoke_vid"));
 * d.setCookies().forEach(c -> response.addHeader("Set-Cookie", c));
 * }</pre>
 */
public final class BespokeClient {

  private static final System.Logger LOG = System.getLogger(BespokeClient.class.getName());

  private final ClientSettings settings;
  private final Exchange exchange;
  private final WireRequests requests;
  private final WireAnswers answers;

  private BespokeClient(ClientSettings settings, HttpClient http) {
    ObjectMapper json = new ObjectMapper();
    this.settings = settings;
    this.exchange = new Exchange(http, settings);
    this.requests = new WireRequests(settings, json);
    this.answers = new WireAnswers(json);
  }

  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  public ClientSettings settings() {
    return settings;
  }

  /**
   * Decides the {@code asked} slots in one request.
   *
   * @param page the visitor's request; {@code null} sends none of it
   * @param visitorCookie the value of the visitor's {@code bespoke_vid} cookie, or {@code null}
   */
  public Decisions decide(List<SlotDefault> asked, PageContext page, String visitorCookie) {
    List<SlotDefault> slots = asked == null ? List.of() : asked;
    try {
      Exchange.Outcome outcome =
          exchange.send(requests.decisions(slots, orEmpty(page), visitorCookie));
      if (!outcome.answered()) {
        return fellBack(slots, outcome.failure());
      }
      HttpResponse<String> response = outcome.response();
      String refused = refusal(response);
      if (refused != null) {
        return fellBack(slots, refused);
      }
      return answers.decisions(response.body(), slots, setCookies(response));
    } catch (WireAnswers.UnusableAnswer e) {
      return fellBack(slots, "unparsable answer: " + e.getMessage());
    } catch (JsonProcessingException e) {
      return fellBack(slots, "the context cannot be sent as JSON: " + e.getOriginalMessage());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Bespoke decision failed unexpectedly", e);
      return fellBack(slots, "unexpected " + e);
    }
  }

  /**
   * One slot as an HTML fragment, for templates that include HTML. An empty fragment (the slot has
   * nothing to show) is replaced by {@code defaultHtml}.
   */
  public Fragment fragment(
      String slot, String defaultHtml, PageContext page, String visitorCookie) {
    try {
      Exchange.Outcome outcome =
          exchange.send(requests.fragment(slot, orEmpty(page), visitorCookie));
      if (!outcome.answered()) {
        return fellBack(slot, defaultHtml, outcome.failure());
      }
      HttpResponse<String> response = outcome.response();
      String refused = refusal(response);
      if (refused != null) {
        return fellBack(slot, defaultHtml, refused);
      }
      String html = response.body();
      boolean serverFallback =
          Boolean.parseBoolean(response.headers().firstValue("Bespoke-Fallback").orElse("false"));
      return new Fragment(
          slot,
          html == null || html.isBlank() ? defaultHtml : html,
          response.headers().firstValue("Bespoke-Decision-Id").orElse(null),
          setCookies(response),
          serverFallback,
          serverFallback ? "Bespoke served the slot's default because of a fault" : null);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Bespoke fragment failed unexpectedly", e);
      return fellBack(slot, defaultHtml, "unexpected " + e);
    }
  }

  /**
   * Reports events without making the page wait: the future completes when Bespoke answered or the
   * request timeout passed, and never exceptionally. Pages may ignore it.
   */
  public CompletableFuture<Tracked> track(
      List<TrackEvent> events, PageContext page, String visitorCookie) {
    try {
      return exchange
          .sendLater(requests.events(events, orEmpty(page), visitorCookie))
          .thenApply(this::tracked);
    } catch (JsonProcessingException e) {
      return CompletableFuture.completedFuture(
          Tracked.failed("the events cannot be sent as JSON: " + e.getOriginalMessage()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Bespoke events failed unexpectedly", e);
      return CompletableFuture.completedFuture(Tracked.failed("unexpected " + e));
    }
  }

  private Tracked tracked(Exchange.Outcome outcome) {
    if (!outcome.answered()) {
      return Tracked.failed(outcome.failure());
    }
    String refused = refusal(outcome.response());
    if (refused != null) {
      return Tracked.failed(refused);
    }
    Integer accepted = answers.accepted(outcome.response().body());
    return accepted == null
        ? Tracked.failed("unparsable answer to the events")
        : new Tracked(accepted, true, null);
  }

  /** Why a status is not a usable answer, or {@code null} when it is one. */
  private String refusal(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return null;
    }
    String detail = answers.problemDetail(response.body());
    String kind = status >= 500 ? "server error" : "refused";
    return kind + ": HTTP " + status + (detail == null ? "" : ": " + detail);
  }

  private Decisions fellBack(List<SlotDefault> slots, String reason) {
    LOG.log(System.Logger.Level.DEBUG, "Bespoke decision fell back to page defaults: {0}", reason);
    return Decisions.pageDefaults(slots, reason);
  }

  private Fragment fellBack(String slot, String defaultHtml, String reason) {
    LOG.log(System.Logger.Level.DEBUG, "Bespoke fragment fell back to the default: {0}", reason);
    return Fragment.pageDefault(slot, defaultHtml, reason);
  }

  private static PageContext orEmpty(PageContext page) {
    return page == null ? PageContext.of(null) : page;
  }

  private static List<String> setCookies(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie");
  }

  /** Settings with defaults: space {@code default}, channel {@code web}, 200/300 ms timeouts. */
  public static final class Builder {

    private final URI baseUri;
    private String space = "default";
    private String channel = "web";
    private String deliveryKey;
    private Duration connectTimeout = ClientSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = ClientSettings.DEFAULT_REQUEST_TIMEOUT;

    private Builder(URI baseUri) {
      this.baseUri = baseUri;
    }

    public Builder space(String space) {
      this.space = space;
      return this;
    }

    public Builder channel(String channel) {
      this.channel = channel;
      return this;
    }

    /** The space's public key, for spaces with {@code deliveryKeyRequired}. */
    public Builder deliveryKey(String deliveryKey) {
      this.deliveryKey = deliveryKey;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** The most a page waits for an answer, connecting included. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * @throws IllegalArgumentException on a missing base URI, space or channel, or a bad timeout
     */
    public BespokeClient build() {
      ClientSettings settings =
          new ClientSettings(baseUri, space, channel, deliveryKey, connectTimeout, requestTimeout);
      // HTTP/1.1: on plain http the JDK would otherwise attempt an h2c upgrade, one more
      // negotiation on the page's critical path. A delivery endpoint never redirects.
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      return new BespokeClient(settings, http);
    }
  }
}
