package dev.bespoke.server.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Turns Jackson's reference chain into the JSON path API clients see: {@code arms[1].weight}. */
final class JsonErrorPaths {

  private JsonErrorPaths() {}

  static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
