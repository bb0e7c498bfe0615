package dev.bespoke.ui.segment;

import dev.bespoke.core.condition.AttributeCatalog;
import dev.bespoke.core.condition.Operator;
import dev.bespoke.ui.support.Forms;
import java.util.Comparator;
import java.util.List;

/** The core's attribute catalogue as the builder script reads it. */
final class Catalogue {

  record Entry(
      String name,
      String type,
      String description,
      List<String> operators,
      List<String> allowedValues,
      boolean family,
      boolean windowed) {}

  private static final String JSON =
      Forms.toJson(
          AttributeCatalog.all().stream()
              .map(
                  a ->
                      new Entry(
                          a.name(),
                          a.type().name(),
                          a.description(),
                          a.operators().stream()
                              .sorted(Comparator.comparingInt(Operator::ordinal))
                              .map(Operator::wireName)
                              .toList(),
                          a.allowedValues(),
                          a.family(),
                          a.windowed()))
              .toList());

  private Catalogue() {}

  static String json() {
    return JSON;
  }
}
