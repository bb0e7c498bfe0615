package dev.bespoke.server.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Another web site, on a port of its own (another origin on the same loopback address, so that
 * neither mixed content nor Chromium's local-network checks are what stops a frame): its page
 * frames whatever address it is given, as a clickjacking page would.
 */
final class FramingSite implements AutoCloseable {

  private final HttpServer server;

  private FramingSite(HttpServer server) {
    this.server = server;
  }

  static FramingSite start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String target =
              URLDecoder.decode(query.substring("src=".length()), StandardCharsets.UTF_8);
          byte[] body =
              ("<!doctype html><title>Win a prize</title><iframe src=\""
                      + target.replace("\"", "&quot;")
                      + "\" width=\"800\" height=\"600\"></iframe>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return new FramingSite(server);
  }

  /** The address of this site's page that frames {@code target}. */
  String framing(String target) {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/prize.html?src="
        + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
