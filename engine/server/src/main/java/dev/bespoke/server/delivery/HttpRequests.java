package dev.bespoke.server.delivery;

import dev.bespoke.server.context.Headers;
import dev.bespoke.server.context.IncomingRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.HashMap;
import java.util.Map;

/** Copies what context resolution reads from an HTTP request into an {@link IncomingRequest}. */
final class HttpRequests {

  private HttpRequests() {}

  static IncomingRequest.Builder from(HttpHeaders headers, HttpServerRequest request) {
    Map<String, String> cookies = new HashMap<>();
    for (Map.Entry<String, Cookie> cookie : headers.getCookies().entrySet()) {
      cookies.put(cookie.getKey(), cookie.getValue().getValue());
    }
    return IncomingRequest.builder()
        .headers(Headers.of(headers.getRequestHeaders()))
        .cookies(cookies)
        .remoteAddress(
            request.remoteAddress() == null ? null : request.remoteAddress().hostAddress())
        .host(request.authority() == null ? null : request.authority().host());
  }
}
