package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.Traits;
import dev.bespoke.server.profile.store.CustomerTraits;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an NDJSON import: one {@code {"customerId": "…", "traits": {…}}} a line, blank lines
 * skipped. Every line is checked before anything is written: one bad line refuses the whole import
 * with each bad line named by its number ({@code lines[7].traits.tier}), so a CRM export is never
 * left half applied. A customer named twice keeps its last line.
 */
final class CustomerImport {

  /** Lines per request; larger exports are sent in chunks. */
  static final int MAX_LINES = 50_000;

  /** Bad lines named in the answer; more are summed up, since nobody reads ten thousand. */
  static final int MAX_REPORTED = 100;

  private CustomerImport() {}

  /** A line's shape; unknown fields are refused, as everywhere in the admin API. */
  record Line(String customerId, Map<String, Object> traits) {}

  static List<CustomerTraits> parse(InputStream body, ObjectMapper json) {
    Map<String, CustomerTraits> customers = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    int bad = 0;
    int number = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      for (String text = lines.readLine(); text != null; text = lines.readLine()) {
        number++;
        if (number > MAX_LINES) {
          throw ValidationException.of(
              "body", "at most " + MAX_LINES + " lines a request; send larger imports in chunks");
        }
        if (text.isBlank()) {
          continue;
        }
        List<FieldError> lineErrors = new ArrayList<>();
        CustomerTraits customer = line(text, "lines[" + number + "]", json, lineErrors);
        if (lineErrors.isEmpty()) {
          customers.put(customer.customerId(), customer);
        } else {
          bad++;
          if (errors.size() < MAX_REPORTED) {
            errors.addAll(lineErrors);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bad > 0) {
      if (bad > MAX_REPORTED) {
        errors.add(
            new FieldError("lines", bad + " lines are invalid in all; the first are listed"));
      }
      throw new ValidationException(errors);
    }
    return List.copyOf(customers.values());
  }

  private static CustomerTraits line(
      String text, String path, ObjectMapper json, List<FieldError> errors) {
    Line line;
    try {
      line = json.readValue(text, Line.class);
    } catch (JsonProcessingException e) {
      errors.add(new FieldError(path, "not a JSON object with customerId and traits"));
      return null;
    }
    if (line == null) {
      errors.add(new FieldError(path, "not a JSON object with customerId and traits"));
      return null;
    }
    if (!ProfileKey.isCustomerId(line.customerId())) {
      errors.add(
          new FieldError(
              path + ".customerId", "is required: 1 to 128 characters without spaces or braces"));
    }
    errors.addAll(Traits.check(line.traits(), path + ".traits"));
    return errors.isEmpty()
        ? new CustomerTraits(line.customerId(), Traits.normalise(line.traits()))
        : null;
  }
}
