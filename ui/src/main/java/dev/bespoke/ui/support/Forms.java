package dev.bespoke.ui.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** Small helpers shared by the console's form handlers. */
public final class Forms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Forms() {}

  /** Post/redirect/get: a reload after a form never submits it twice. */
  public static Response redirect(String path) {
    return Response.seeOther(URI.create(path)).build();
  }

  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A comma-separated field as a list, blanks dropped. */
  public static List<String> list(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  /** Parses a JSON field, turning a syntax error into a field error shown next to it. */
  public static JsonNode json(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw ValidationException.of(
          field,
          "is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  public static String pretty(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serialises", e);
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("console views always serialise", e);
    }
  }

  /**
   * The errors to show on a form that the store refused: a validation failure's own field errors,
   * or a conflict (duplicate key, stale version) shown at {@code conflictField}.
   */
  public static List<FieldError> errors(RuntimeException e, String conflictField) {
    return e instanceof ValidationException v
        ? v.errors()
        : List.of(new FieldError(conflictField, e.getMessage()));
  }
}
