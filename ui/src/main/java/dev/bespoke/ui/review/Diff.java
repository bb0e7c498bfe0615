package dev.bespoke.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Field-by-field difference between a draft and the published version, for reviewers. */
public final class Diff {

  /** One changed field; {@code before} is empty for content never published. */
  public record Line(String field, String before, String after) {}

  /** Workflow bookkeeping that every change touches; a reviewer judges the content. */
  private static final Set<String> IGNORED = Set.of("status", "version");

  private Diff() {}

  static List<Line> of(JsonNode published, JsonNode current) {
    Set<String> names = new LinkedHashSet<>();
    if (published != null) {
      published.fieldNames().forEachRemaining(names::add);
    }
    current.fieldNames().forEachRemaining(names::add);
    List<Line> lines = new ArrayList<>();
    for (String name : names) {
      if (IGNORED.contains(name)) {
        continue;
      }
      JsonNode before = published == null ? null : published.get(name);
      JsonNode after = current.get(name);
      if (!text(before).equals(text(after))) {
        lines.add(new Line(name, text(before), text(after)));
      }
    }
    return lines;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    return node.isTextual() ? node.asText() : node.toString();
  }
}
