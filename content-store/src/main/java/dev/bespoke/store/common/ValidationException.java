package dev.bespoke.store.common;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks one or more rules (400); every bad field is named, not just the first. */
public class ValidationException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
