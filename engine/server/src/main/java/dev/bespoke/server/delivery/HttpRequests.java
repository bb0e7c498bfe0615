package dev.bespoke.server.delivery;

import dev.bespoke.server.context.Headers;
import dev.bespoke.server.context.IncomingRequest;
import dev.bespoke.server.context.RequestCookies;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;

/** Copies what context resolution reads from an HTTP request into an {@link IncomingRequest}. */
final class HttpRequests {

  private HttpRequests() {}

  static IncomingRequest.Builder from(HttpHeaders headers, HttpServerRequest request) {
    Headers all = Headers.of(headers.getRequestHeaders());
    return IncomingRequest.builder()
        .headers(all)
        .cookies(RequestCookies.of(all))
        .remoteAddress(
            request.remoteAddress() == null ? null : request.remoteAddress().hostAddress())
        .host(request.authority() == null ? null : request.authority().host());
  }
}
