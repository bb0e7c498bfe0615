package dev.bespoke.store.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every problem of one input before failing, so an editor fixes a form in one round trip
 * instead of one error at a time.
 */
public final class FieldErrors {

  /** Earliest and latest years a schedule may name: a guard against typos such as 20026. */
  static final int MIN_YEAR = 1970;

  static final int MAX_YEAR = 9999;

  private final List<FieldError> errors = new ArrayList<>();

  public FieldErrors add(String field, String message) {
    errors.add(new FieldError(field, message));
    return this;
  }

  public FieldErrors addAll(Collection<FieldError> more) {
    errors.addAll(more);
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  public void key(String field, String value) {
    if (value == null) {
      add(field, "is required");
    } else if (!Keys.isValid(value)) {
      add(field, Keys.RULE);
    }
  }

  /** A key that may be absent. */
  public void optionalKey(String field, String value) {
    if (value != null && !Keys.isValid(value)) {
      add(field, Keys.RULE);
    }
  }

  public void requiredText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      add(field, "is required");
    } else {
      maxLength(field, value, maxLength);
    }
  }

  public void maxLength(String field, String value, int maxLength) {
    if (value != null && value.length() > maxLength) {
      add(field, "must be at most " + maxLength + " characters");
    }
  }

  public void oneOf(String field, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      add(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
  }

  public void range(String field, Number value, double min, double max) {
    if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
      add(field, "must be between " + plain(min) + " and " + plain(max));
    }
  }

  /** Each element matches the pattern; duplicates are an error because they mean a typo. */
  public void eachMatches(
      String field, List<String> values, Pattern pattern, String rule, int maxCount) {
    if (values == null) {
      return;
    }
    if (values.size() > maxCount) {
      add(field, "must have at most " + maxCount + " entries");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      String at = field + "[" + i + "]";
      if (value == null || !pattern.matcher(value).matches()) {
        add(at, rule);
      } else if (!seen.add(value)) {
        add(at, "is listed twice");
      }
    }
  }

  /** A JSON value that must be an object (or absent) and small enough for a text column. */
  public void jsonObject(String field, JsonNode value, int maxChars) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isObject()) {
      add(field, "must be a JSON object");
    } else if (StoreJson.write(value).length() > maxChars) {
      add(field, "must be at most " + maxChars + " characters as JSON");
    }
  }

  /** A URL for a link or an image: see {@link LinkUrls}. */
  public void link(String field, String value) {
    LinkUrls.problem(value).ifPresent(problem -> add(field, problem));
  }

  public void instant(String field, Instant value) {
    if (value == null) {
      return;
    }
    int year = value.atOffset(ZoneOffset.UTC).getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      add(field, "must be a time between the years " + MIN_YEAR + " and " + MAX_YEAR);
    }
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
