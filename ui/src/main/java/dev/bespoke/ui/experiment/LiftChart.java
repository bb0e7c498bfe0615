package dev.bespoke.ui.experiment;

import dev.bespoke.store.experiment.ExperimentDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The geometry of the cumulative lift chart: for each arm against the control, the difference in
 * conversion rate counting every visitor up to that day, one point per day. Early points swing
 * widely on few visitors and settle as visitors accumulate, which is why the chart exists: it shows
 * an editor that a lift seen on day two is not yet a result.
 *
 * @param series one line per non-control arm, in the experiment's order
 * @param zeroY where "no difference" lies
 * @param description the figures in words, for screen readers and the {@code <desc>}
 */
public record LiftChart(
    int width,
    int height,
    int plotLeft,
    int plotRight,
    int plotTop,
    int plotBottom,
    int zeroY,
    String topLabel,
    String bottomLabel,
    String firstDay,
    String lastDay,
    List<Series> series,
    String description) {

  /** One arm's line: SVG points and the last value in words. */
  public record Series(String arm, String colour, String points, List<Dot> dots, String last) {}

  /** A point drawn as a dot, so a single day still shows. */
  public record Dot(int x, int y) {}

  private static final int WIDTH = 560;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 540;
  private static final int TOP = 20;
  private static final int BOTTOM = 220;
  private static final String[] COLOURS = {"#0b57d0", "#b3261e", "#146c2e", "#7d5260"};

  public int labelX() {
    return plotLeft - 4;
  }

  public boolean empty() {
    return series.stream().allMatch(s -> s.dots().isEmpty());
  }

  /**
   * @param days new visitors and conversions per arm and day
   * @param control the control arm's key
   * @param arms every arm's key in the experiment's order
   */
  static LiftChart of(List<ExperimentDay> days, String control, List<String> arms) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    Map<String, TreeMap<LocalDate, long[]>> byArm = new HashMap<>();
    for (ExperimentDay d : days) {
      dates.add(d.day());
      byArm
          .computeIfAbsent(d.arm(), a -> new TreeMap<>())
          .merge(
              d.day(),
              new long[] {d.visitors(), d.conversions()},
              (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
    }
    List<LocalDate> axis = new ArrayList<>(dates);
    Map<String, Double[]> lifts = new HashMap<>();
    double extent = 0.01;
    double[] controlRates = cumulativeRates(byArm.get(control), axis);
    for (String arm : arms) {
      if (arm.equals(control)) {
        continue;
      }
      double[] rates = cumulativeRates(byArm.get(arm), axis);
      Double[] lift = new Double[axis.size()];
      for (int i = 0; i < axis.size(); i++) {
        if (!Double.isNaN(rates[i]) && !Double.isNaN(controlRates[i])) {
          lift[i] = rates[i] - controlRates[i];
          extent = Math.max(extent, Math.abs(lift[i]));
        }
      }
      lifts.put(arm, lift);
    }
    // A symmetric axis in whole percentage points keeps "no difference" in the middle.
    extent = Math.ceil(extent * 100) / 100.0;
    int zeroY = (TOP + BOTTOM) / 2;
    List<Series> series = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    int colour = 0;
    for (String arm : arms) {
      Double[] lift = lifts.get(arm);
      if (lift == null) {
        continue;
      }
      StringBuilder points = new StringBuilder();
      List<Dot> dots = new ArrayList<>();
      String last = "no data yet";
      for (int i = 0; i < lift.length; i++) {
        if (lift[i] == null) {
          continue;
        }
        int x =
            axis.size() == 1 ? (LEFT + RIGHT) / 2 : LEFT + i * (RIGHT - LEFT) / (axis.size() - 1);
        int y = zeroY - (int) Math.round(lift[i] / extent * (zeroY - TOP));
        points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
        dots.add(new Dot(x, y));
        last = points(lift[i]) + " on " + axis.get(i);
      }
      series.add(
          new Series(arm, COLOURS[colour++ % COLOURS.length], points.toString(), dots, last));
      words.append(arm).append(" against ").append(control).append(": ").append(last).append(". ");
    }
    String description =
        axis.isEmpty()
            ? "No daily results recorded yet."
            : "Cumulative difference in conversion rate from "
                + axis.get(0)
                + " to "
                + axis.get(axis.size() - 1)
                + ". "
                + words.toString().strip();
    return new LiftChart(
        WIDTH,
        HEIGHT,
        LEFT,
        RIGHT,
        TOP,
        BOTTOM,
        zeroY,
        String.format(Locale.ROOT, "+%.0f pp", extent * 100),
        String.format(Locale.ROOT, "−%.0f pp", extent * 100),
        axis.isEmpty() ? "" : axis.get(0).toString(),
        axis.size() < 2 ? "" : axis.get(axis.size() - 1).toString(),
        series,
        description);
  }

  /** Each day's rate counting every visitor up to it; NaN while the arm has no visitor yet. */
  private static double[] cumulativeRates(TreeMap<LocalDate, long[]> days, List<LocalDate> axis) {
    double[] rates = new double[axis.size()];
    long visitors = 0;
    long conversions = 0;
    for (int i = 0; i < axis.size(); i++) {
      long[] day = days == null ? null : days.get(axis.get(i));
      if (day != null) {
        visitors += day[0];
        conversions += day[1];
      }
      rates[i] = visitors == 0 ? Double.NaN : (double) conversions / visitors;
    }
    return rates;
  }

  /** A difference in rates as percentage points, signed. */
  static String points(double difference) {
    return String.format(Locale.ROOT, "%+.2f percentage points", difference * 100)
        .replace("+0.00", "0.00")
        .replace("-0.00", "0.00");
  }
}
