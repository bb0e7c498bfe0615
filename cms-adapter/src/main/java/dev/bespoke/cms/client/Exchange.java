package dev.bespoke.cms.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange within the page's budget. The budget covers connecting, the headers and the
 * whole body: {@link HttpRequest#timeout()} alone stops at the headers, so a server that sends
 * headers and then stalls would otherwise hold the page. Faults become a reason, never an
 * exception.
 */
final class Exchange {

  /** What came back: an answer (any status), or why there is none. */
  record Outcome(HttpResponse<String> response, String failure) {

    boolean answered() {
      return response != null;
    }
  }

  private final HttpClient http;
  private final ClientSettings settings;

  Exchange(HttpClient http, ClientSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  /** Waits at most the request timeout. */
  Outcome send(HttpRequest request) {
    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      return new Outcome(
          pending.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS), null);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new Outcome(null, noAnswer());
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted while waiting for Bespoke");
    } catch (ExecutionException e) {
      return new Outcome(null, describe(e.getCause()));
    }
  }

  /** Does not wait; the future never completes exceptionally. */
  CompletableFuture<Outcome> sendLater(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .orTimeout(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS)
        .handle((response, fault) -> new Outcome(response, fault == null ? null : describe(fault)));
  }

  private String describe(Throwable fault) {
    Throwable cause = fault;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return "timeout: no connection within " + millis(settings.connectTimeout()) + " ms";
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return noAnswer();
    }
    if (cause instanceof ConnectException) {
      return "unreachable: cannot connect to " + settings.baseUri().getAuthority();
    }
    if (cause instanceof IOException) {
      return "I/O error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
    return "unexpected " + cause.getClass().getName() + ": " + cause.getMessage();
  }

  private String noAnswer() {
    return "timeout: no answer within " + millis(settings.requestTimeout()) + " ms";
  }

  private static long millis(Duration d) {
    return d.toMillis();
  }
}
