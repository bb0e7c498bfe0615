package dev.bespoke.store.common;

import java.util.ArrayList;
import java.util.List;

/** Which page of a list to read. Pages count from 0; a page holds at most {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 20;

  /** Bounds the work and the answer of one request; clients page through longer lists. */
  public static final int MAX_SIZE = 100;

  /** Deep offsets are slow on every database; 10,000 pages of 100 is beyond any editor's need. */
  public static final int MAX_PAGE = 10_000;

  public PageRequest {
    List<FieldError> errors = new ArrayList<>();
    if (page < 0 || page > MAX_PAGE) {
      errors.add(new FieldError("page", "must be between 0 and " + MAX_PAGE));
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  public static PageRequest first() {
    return new PageRequest(0, DEFAULT_SIZE);
  }
}
