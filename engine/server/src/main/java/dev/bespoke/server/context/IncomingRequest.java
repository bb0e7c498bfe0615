package dev.bespoke.server.context;

import java.util.Map;

/**
 * The parts of one delivery request that context resolution reads, filled in by the resource layer.
 * Every field may be null or empty except {@code headers} and {@code cookies}; nothing here has
 * been validated yet.
 *
 * @param get whether the request is a GET, whose {@code Referer} then names the page
 * @param headers all request headers
 * @param cookies request cookies by name
 * @param remoteAddress the client's IP address as text (after the server's trusted-proxy handling)
 * @param host the {@code Host} the request was sent to, for the cookie's {@code Secure} flag
 * @param channel the body's (or query's) {@code channel}
 * @param visitorId the body's (or query's) {@code visitorId}
 * @param pageUrl the body's {@code page.url} (or the {@code page} query parameter on GET)
 * @param pageReferrer the body's {@code page.referrer}
 * @param locale the body's {@code locale}
 * @param traits the body's {@code traits} as decoded JSON
 * @param consentPersonalization the body's {@code consent.personalization}
 * @param consentAnalytics the body's {@code consent.analytics}
 */
public record IncomingRequest(
    boolean get,
    Headers headers,
    Map<String, String> cookies,
    String remoteAddress,
    String host,
    String channel,
    String visitorId,
    String pageUrl,
    String pageReferrer,
    String locale,
    Map<String, Object> traits,
    Boolean consentPersonalization,
    Boolean consentAnalytics) {

  public IncomingRequest {
    headers = headers == null ? Headers.NONE : headers;
    cookies = cookies == null ? Map.of() : cookies;
    traits = traits == null ? Map.of() : traits;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link IncomingRequest} field by field; unset fields stay null or empty. */
  public static final class Builder {
    private boolean get;
    private Headers headers = Headers.NONE;
    private Map<String, String> cookies = Map.of();
    private String remoteAddress;
    private String host;
    private String channel;
    private String visitorId;
    private String pageUrl;
    private String pageReferrer;
    private String locale;
    private Map<String, Object> traits = Map.of();
    private Boolean consentPersonalization;
    private Boolean consentAnalytics;

    private Builder() {}

    public Builder get(boolean value) {
      this.get = value;
      return this;
    }

    public Builder headers(Headers value) {
      this.headers = value;
      return this;
    }

    public Builder cookies(Map<String, String> value) {
      this.cookies = value;
      return this;
    }

    public Builder remoteAddress(String value) {
      this.remoteAddress = value;
      return this;
    }

    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder channel(String value) {
      this.channel = value;
      return this;
    }

    public Builder visitorId(String value) {
      this.visitorId = value;
      return this;
    }

    public Builder pageUrl(String value) {
      this.pageUrl = value;
      return this;
    }

    public Builder pageReferrer(String value) {
      this.pageReferrer = value;
      return this;
    }

    public Builder locale(String value) {
      this.locale = value;
      return this;
    }

    public Builder traits(Map<String, Object> value) {
      this.traits = value;
      return this;
    }

    public Builder consent(Boolean personalization, Boolean analytics) {
      this.consentPersonalization = personalization;
      this.consentAnalytics = analytics;
      return this;
    }

    public IncomingRequest build() {
      return new IncomingRequest(
          get,
          headers,
          cookies,
          remoteAddress,
          host,
          channel,
          visitorId,
          pageUrl,
          pageReferrer,
          locale,
          traits,
          consentPersonalization,
          consentAnalytics);
    }
  }

  @Override
  public String toString() {
    // Cookies, the address and the ids are personal data or credentials: keep them out of logs.
    return "IncomingRequest[get=" + get + ", channel=" + channel + ", " + headers + "]";
  }
}
