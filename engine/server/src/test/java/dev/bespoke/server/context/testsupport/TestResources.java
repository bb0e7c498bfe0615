package dev.bespoke.server.context.testsupport;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Files under {@code src/test/resources/context/}. */
public final class TestResources {

  private TestResources() {}

  /** The path of {@code context/<relative>} on the test class path. */
  public static Path path(String relative) {
    URL url = TestResources.class.getResource("/context/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no test resource context/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
