package dev.bespoke.ui.slot;

import dev.bespoke.store.variant.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which the engine weighs a slot's variants, and that order in plain words. Mirrors
 * the core's first-match rule: higher priority first, then key as the stable tie-break; the default
 * only when nothing else matches.
 */
final class Precedence {

  static final Comparator<Variant> ORDER =
      Comparator.comparing((Variant v) -> Boolean.TRUE.equals(v.isDefault()))
          .thenComparing(
              (Variant v) -> v.priority() == null ? 0 : v.priority(), Comparator.reverseOrder())
          .thenComparing(Variant::key);

  private Precedence() {}

  static List<Variant> sort(List<Variant> variants) {
    List<Variant> sorted = new ArrayList<>(variants);
    sorted.sort(ORDER);
    return sorted;
  }

  static String explain(Variant v, int position) {
    if (Boolean.TRUE.equals(v.isDefault())) {
      return "Shown when no other variant matches the visitor (the default).";
    }
    String who =
        v.segments() == null || v.segments().isEmpty()
            ? "every visitor"
            : "visitors in "
                + ("all".equals(v.segmentMatch()) ? "all of " : "any of ")
                + String.join(", ", v.segments());
    String where =
        v.channels() == null || v.channels().isEmpty()
            ? "on every channel"
            : "on " + String.join(", ", v.channels());
    String rank =
        position == 1
            ? "Checked first"
            : "Checked " + ordinal(position) + ", when the variants above do not match";
    return rank + ": shown to " + who + " " + where + ".";
  }

  private static String ordinal(int n) {
    return switch (n) {
      case 2 -> "second";
      case 3 -> "third";
      default -> n + "th";
    };
  }
}
