package dev.bespoke.cms.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the parts of a CMS body a connector needs and collects every missing or malformed one, so a
 * 400 names them all at once (as JSON Pointers into the body).
 */
public final class Payloads {

  private final JsonNode root;
  private final List<FieldError> errors = new ArrayList<>();

  public Payloads(JsonNode root) {
    this.root = root;
  }

  public JsonNode root() {
    return root;
  }

  /** A required non-blank string at the pointer. */
  public String text(String pointer) {
    JsonNode node = root.at(pointer);
    if (!node.isTextual() || node.asText().isBlank()) {
      errors.add(
          new FieldError(pointer, node.isMissingNode() ? "is required" : "must be a string"));
      return null;
    }
    return node.asText();
  }

  public Optional<String> optionalText(String pointer) {
    JsonNode node = root.at(pointer);
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  /** A required object at the pointer. */
  public JsonNode object(String pointer) {
    JsonNode node = root.at(pointer);
    if (!node.isObject()) {
      errors.add(
          new FieldError(pointer, node.isMissingNode() ? "is required" : "must be an object"));
      return null;
    }
    return node;
  }

  public void error(String pointer, String message) {
    errors.add(new FieldError(pointer, message));
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
