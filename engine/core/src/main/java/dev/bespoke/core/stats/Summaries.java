package dev.bespoke.core.stats;

import dev.bespoke.core.experiment.ExperimentSpec;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Plain-words summaries of results, written for an editor who will act on them: what the verdict
 * is, the numbers behind it, which test decided, and what to do next.
 */
final class Summaries {

  private Summaries() {}

  static String describe(
      ExperimentSpec experiment,
      ResultsPolicy policy,
      List<ArmResult> arms,
      List<Comparison> comparisons,
      SrmCheck srm,
      BurstFindings burst,
      Verdict verdict) {
    ArmResult control = arms.stream().filter(ArmResult::control).findFirst().orElseThrow();
    return switch (verdict) {
      case UNTRUSTWORTHY_SRM -> srm(arms, srm, policy);
      case UNTRUSTWORTHY_BURST -> burst(burst);
      case NOT_ENOUGH_DATA -> notEnoughData(arms, policy);
      case SIGNIFICANT_WIN -> win(comparisons, control);
      case SIGNIFICANT_LOSS -> loss(comparisons, control);
      case NOT_YET_CONCLUSIVE -> notYetConclusive(comparisons, control, experiment);
    };
  }

  private static String srm(List<ArmResult> arms, SrmCheck srm, ResultsPolicy policy) {
    String split =
        arms.stream()
            .map(
                a ->
                    format(
                        "%s has %,d visitors, %.1f%% against a planned %.1f%%",
                        a.arm(), a.visitors(), 100 * a.observedShare(), 100 * a.configuredShare()))
            .collect(Collectors.joining("; "));
    return format(
        "Untrustworthy: the visitor split does not match the configured weights: %s"
            + " (sample-ratio-mismatch %s, below %s). Visitors are being lost or counted unevenly"
            + " in some arm, so no other number here can be trusted; find the cause (redirects,"
            + " bot filtering, rendering errors, a weight changed mid-experiment) before reading"
            + " on.",
        split, p(srm.pValue()), plain(policy.srmThreshold()));
  }

  private static String burst(BurstFindings burst) {
    StringBuilder what = new StringBuilder();
    if (burst.visitors().burst()) {
      what.append(figure("new visitors", burst.visitors()));
    }
    if (burst.conversions().burst()) {
      what.append(what.isEmpty() ? "" : " and ").append(figure("conversions", burst.conversions()));
    }
    return format(
        "Untrustworthy: %s arrived in one recent window, far more than the experiment's own"
            + " history predicts. A script or a bot, not the experiment's visitors, fed these"
            + " counts, so no number here can be trusted; find the source, block it, and start a"
            + " new experiment.",
        what);
  }

  private static String figure(String kind, BurstCheck check) {
    return format("%,d %s (about %.1f expected)", check.inWindow(), kind, check.expected());
  }

  private static String notEnoughData(List<ArmResult> arms, ResultsPolicy policy) {
    String short_ =
        arms.stream()
            .filter(a -> !a.enoughEvidence() && a.configuredShare() > 0)
            .map(
                a ->
                    format(
                        "%s has %,d visitors and %,d conversions",
                        a.arm(), a.visitors(), a.conversions()))
            .collect(Collectors.joining("; "));
    return format(
        "Not enough data yet: no verdict until every arm has at least %,d visitors, %,d"
            + " conversions and %,d visitors who did not convert (%s).",
        policy.minVisitorsPerArm(),
        policy.minConversionsPerArm(),
        policy.minNonConversionsPerArm(),
        short_);
  }

  private static String win(List<Comparison> comparisons, ArmResult control) {
    String winners =
        comparisons.stream()
            .filter(c -> c.verdict() == Verdict.SIGNIFICANT_WIN)
            .map(c -> decided(c, control, "beats"))
            .collect(Collectors.joining(" "));
    return "Significant win. " + winners;
  }

  private static String loss(List<Comparison> comparisons, ArmResult control) {
    String losers =
        comparisons.stream()
            .map(c -> decided(c, control, "loses to"))
            .collect(Collectors.joining(" "));
    return "Significant loss: no variant does better than " + control.arm() + ". " + losers;
  }

  private static String decided(Comparison c, ArmResult control, String verb) {
    Interval cs = c.sequential().confidenceSequence();
    return format(
        "%s %s %s: %s. The always-valid test decided it (%s, below %s); the true"
            + " difference lies between %s and %s points (confidence sequence). Chance to beat"
            + " control: %s.",
        c.arm(),
        verb,
        control.arm(),
        rates(c, control),
        p(c.sequential().pValue()),
        plain(c.alpha()),
        points(cs.lower()),
        points(cs.upper()),
        percent(c.chanceToBeatControl()));
  }

  private static String notYetConclusive(
      List<Comparison> comparisons, ArmResult control, ExperimentSpec experiment) {
    StringBuilder text = new StringBuilder("Not yet conclusive; keep the experiment running.");
    for (Comparison c : comparisons) {
      text.append(' ')
          .append(
              format(
                  "%s: %s; always-valid %s, needs to fall below %s.",
                  c.arm(), rates(c, control), p(c.sequential().pValue()), plain(c.alpha())));
      if (c.verdict() != Verdict.NOT_YET_CONCLUSIVE) {
        text.append(' ').append(format("(On its own: %s.)", words(c.verdict())));
      } else if (c.fixedHorizon().significant()) {
        text.append(' ')
            .append(
                format(
                    "The fixed-horizon z-test alone would say %s, but it is valid only at a"
                        + " sample size fixed in advance, so it is no reason to stop now.",
                    p(c.fixedHorizon().pValue())));
      }
    }
    return text.toString();
  }

  private static String rates(Comparison c, ArmResult control) {
    String relative =
        c.relativeLift().isPresent()
            ? format(", %+.1f%%", 100 * c.relativeLift().getAsDouble())
            : "";
    return format(
        "%.2f%% vs %.2f%% for %s (%s points%s)",
        100 * (control.rate() + c.absoluteLift()),
        100 * control.rate(),
        control.arm(),
        points(c.absoluteLift()),
        relative);
  }

  private static String words(Verdict verdict) {
    return switch (verdict) {
      case SIGNIFICANT_WIN -> "a significant win";
      case SIGNIFICANT_LOSS -> "a significant loss";
      case NOT_ENOUGH_DATA -> "not enough data";
      case UNTRUSTWORTHY_SRM, UNTRUSTWORTHY_BURST -> "untrustworthy";
      case NOT_YET_CONCLUSIVE -> "not yet conclusive";
    };
  }

  /** A probability as a percentage that never rounds a near-certainty up to certainty. */
  private static String percent(double probability) {
    if (probability >= 0.9995) {
      return "above 99.9%";
    }
    if (probability < 0.0005) {
      return "below 0.1%";
    }
    return format("%.1f%%", 100 * probability);
  }

  private static String points(double difference) {
    return format("%+.2f", 100 * difference);
  }

  /** A p-value to four decimals, or "p < 0.0001": more digits claim a precision nobody has. */
  private static String p(double value) {
    return value < 0.0001 ? "p < 0.0001" : format("p = %.4f", value);
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
