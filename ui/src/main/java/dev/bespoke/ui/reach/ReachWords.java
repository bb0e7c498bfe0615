package dev.bespoke.ui.reach;

import dev.bespoke.ui.spi.ReachEstimator.Estimate;
import dev.bespoke.ui.spi.ReachEstimator.Overlap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Reach figures as an editor reads them: a share, out of how many, since when. */
public final class ReachWords {

  public static final String NO_VISITORS =
      "No visitors seen recently, so reach cannot be estimated yet. It fills in as pages ask"
          + " Bespoke for content.";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ReachWords() {}

  public static String reach(String name, Estimate e) {
    if (e.sampleSize() == 0) {
      return name + ": " + NO_VISITORS;
    }
    return name
        + ": "
        + percent(e.matching(), e.sampleSize())
        + " of recent visitors ("
        + e.matching()
        + " of "
        + e.sampleSize()
        + " seen since "
        + since(e.since())
        + ")";
  }

  public static String overlap(String first, String second, Overlap o) {
    if (o.sampleSize() == 0) {
      return "In both " + first + " and " + second + ": " + NO_VISITORS;
    }
    return "In both "
        + first
        + " and "
        + second
        + ": "
        + percent(o.inBoth(), o.sampleSize())
        + " of recent visitors ("
        + o.inBoth()
        + " of "
        + o.sampleSize()
        + "; in "
        + first
        + " "
        + percent(o.inFirst(), o.sampleSize())
        + ", in "
        + second
        + " "
        + percent(o.inSecond(), o.sampleSize())
        + ")";
  }

  /** Whole percents; a few visitors among many read "under 1%" rather than a misleading 0%. */
  public static String percent(int part, int whole) {
    if (part > 0 && 100.0 * part / whole < 0.5) {
      return "under 1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }

  private static String since(Instant since) {
    return since == null ? "recently" : TIME.format(since);
  }
}
