package dev.bespoke.server.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The checks every hostile input shares: an expected status and nothing given away. */
final class Hostile {

  /** What a stack trace or a framework error page would leak. */
  private static final List<String> LEAKS =
      List.of("Exception", "\tat ", "at dev.bespoke", "at java.", "at io.", "io.vertx.core");

  private Hostile() {}

  /**
   * For requests whose headers are over the server's limit: the server answers 431 and closes the
   * connection, and a client still writing the rest of the headers may see the close (broken pipe,
   * reset) before it reads the answer. Either way the request was refused; the checks on an answer
   * apply whenever the client got one, and the server must still answer the next request.
   */
  static void answeredOrClosed(
      Supplier<Response> request, int[] allowed, Supplier<Response> probe, String... echoes) {
    Response response;
    try {
      response = request.get();
    } catch (Exception e) {
      // Exception, not RuntimeException: REST Assured rethrows the client's SocketException (a
      // checked exception) undeclared, which a RuntimeException clause never catches.
      if (!(rootCause(e) instanceof SocketException)) {
        throw e;
      }
      assertThat(probe.get().statusCode()).as("the server answers after closing").isEqualTo(200);
      return;
    }
    answered(response, allowed, echoes);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * The answer has one of the {@code allowed} statuses, never a 5xx, and neither leaks internals
   * nor echoes any of the {@code echoes} (the hostile part of the input). A refusal (4xx) sets no
   * visitor cookie: nothing was stored for the request.
   */
  static void answered(Response response, int[] allowed, String... echoes) {
    int status = response.statusCode();
    assertThat(status)
        .as("status of %s", response.body().asString())
        .isLessThan(500)
        .isIn(Arrays.stream(allowed).boxed().toList());
    String body = response.body().asString();
    for (String leak : LEAKS) {
      assertThat(body).as("body leaks internals").doesNotContain(leak);
    }
    for (String echo : echoes) {
      assertThat(body).as("body echoes the input").doesNotContain(echo);
    }
    if (status >= 400) {
      assertThat(response.headers().getValues("Set-Cookie"))
          .as("a refused request sets no cookie")
          .noneMatch(c -> c.startsWith("bespoke_vid="));
      if (status == 400 || status == 404 || status == 413 || status == 422) {
        assertThat(response.contentType()).startsWith("application/problem+json");
      }
    }
  }

  static int[] only(int... statuses) {
    return statuses;
  }

  /** Every status from 200 to 299 and the given ones. */
  static int[] okOr(int... statuses) {
    return IntStream.concat(IntStream.rangeClosed(200, 299), Arrays.stream(statuses)).toArray();
  }

  static String repeat(String s, int times) {
    return s.repeat(times);
  }
}
