package dev.bespoke.server.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Loads the language-neutral golden vector files under {@code src/test/resources/golden}: JSON
 * arrays of cases that other readers (the browser script) run as well.
 */
public final class GoldenFiles {

  private GoldenFiles() {}

  /** The cases of a golden file, in file order. */
  public static List<Map<String, Object>> cases(String name) {
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      return new ObjectMapper().readValue(in, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
