package dev.bespoke.server.admin.support;

import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ?page=&size=}. The parameters arrive as text and are parsed here: JAX-RS would
 * answer a non-number with a bare 404, where a client needs a 400 naming the parameter.
 */
public final class Paging {

  private Paging() {}

  public static PageRequest of(String page, String size) {
    List<FieldError> errors = new ArrayList<>();
    int p = parse("page", page, 0, errors);
    int s = parse("size", size, PageRequest.DEFAULT_SIZE, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new PageRequest(p, s);
  }

  private static int parse(String name, String value, int absent, List<FieldError> errors) {
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, "must be a whole number"));
      return absent;
    }
  }
}
