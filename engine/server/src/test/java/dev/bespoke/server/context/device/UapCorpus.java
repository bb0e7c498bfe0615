package dev.bespoke.server.context.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bespoke.server.context.testsupport.TestResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/** The uap-core test corpora (ua-parser/uap-core, Apache-2.0) under context/uap-core/. */
final class UapCorpus {

  /** One test case: the User-Agent and the fields uap-core expects. */
  record Case(String userAgent, String family, String brand, String model) {}

  private UapCorpus() {}

  static List<Case> read(String file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    // test_device.yaml is 3.3 MB, past SnakeYAML's default 3 MB guard against huge documents.
    options.setCodePointLimit(16 * 1024 * 1024);
    YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
    JsonNode root;
    try (InputStream in = Files.newInputStream(TestResources.path("uap-core/" + file))) {
      root = mapper.readTree(in);
    }
    List<Case> cases = new ArrayList<>();
    for (JsonNode c : root.get("test_cases")) {
      cases.add(
          new Case(
              c.get("user_agent_string").asText(),
              text(c, "family"),
              text(c, "brand"),
              text(c, "model")));
    }
    return cases;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
