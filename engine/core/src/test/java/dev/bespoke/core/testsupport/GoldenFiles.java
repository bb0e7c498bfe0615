package dev.bespoke.core.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the language-neutral golden vector files under {@code src/test/resources/golden}. */
public final class GoldenFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldenFiles() {}

  /** The cases of a golden file, which is a JSON array of objects. */
  public static List<JsonNode> cases(String name) {
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      List<JsonNode> cases = new ArrayList<>();
      JSON.readTree(in).forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
