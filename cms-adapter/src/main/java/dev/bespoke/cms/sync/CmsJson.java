package dev.bespoke.cms.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bespoke.store.common.ValidationException;
import java.io.IOException;

/**
 * Parses CMS bodies. Duplicate keys are refused: a signed body whose meaning depends on which
 * duplicate a parser keeps could be read one way when verified and another when applied.
 */
final class CmsJson {

  private static final ObjectMapper MAPPER;

  static {
    MAPPER = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    MAPPER
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private CmsJson() {}

  static JsonNode parse(byte[] body, String field) {
    if (body.length == 0) {
      throw ValidationException.of(field, "is empty: a JSON body is required");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ValidationException.of(field, "must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ValidationException.of(field, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ValidationException.of(field, "unreadable: " + e.getMessage());
    }
  }
}
