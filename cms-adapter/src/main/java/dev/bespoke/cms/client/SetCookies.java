package dev.bespoke.cms.client;

import java.util.List;
import java.util.Optional;

/** Reads the visitor id cookie out of the {@code Set-Cookie} headers Bespoke sent. */
final class SetCookies {

  static final String VISITOR = "bespoke_vid";

  private SetCookies() {}

  /** The new {@code bespoke_vid} value; empty when none was set or it was being deleted. */
  static Optional<String> visitorCookie(List<String> setCookies) {
    for (String header : setCookies) {
      int end = header.indexOf(';');
      String pair = (end < 0 ? header : header.substring(0, end)).strip();
      if (pair.startsWith(VISITOR + "=")) {
        String value = pair.substring(VISITOR.length() + 1).replace("\"", "");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
