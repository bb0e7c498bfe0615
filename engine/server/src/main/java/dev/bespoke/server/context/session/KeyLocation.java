package dev.bespoke.server.context.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the text at {@code bespoke.session.jwt.public-key-location}: a file path ({@code file:}
 * prefix optional) or an https URL. Plain http is accepted for loopback addresses only, where a
 * local identity provider may run; elsewhere an attacker on the path could swap the keys.
 */
final class KeyLocation {

  /** A key file or JWKS is a few kilobytes; refuse anything absurd. */
  static final int MAX_BYTES = 1 << 20;

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final String location;

  KeyLocation(String location) {
    this.location = location.strip();
  }

  boolean isRemote() {
    String lower = location.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  String read() throws IOException {
    return isRemote() ? fetch() : readFile();
  }

  private String readFile() throws IOException {
    Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
    if (Files.size(path) > MAX_BYTES) {
      throw new IOException("larger than 1 MiB");
    }
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  private String fetch() throws IOException {
    URI uri = URI.create(location);
    if ("http".equalsIgnoreCase(uri.getScheme()) && !LOOPBACK.contains(uri.getHost())) {
      throw new IOException("a JWKS URL must use https");
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IOException("larger than 1 MiB");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return location;
  }
}
