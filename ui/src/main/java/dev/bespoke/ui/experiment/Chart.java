package dev.bespoke.ui.experiment;

import dev.bespoke.core.stats.ArmResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the conversion-rate chart, computed here so that the template only places shapes:
 * one bar per arm with its 95% interval as a whisker, on a shared scale.
 */
public record Chart(
    int width,
    int height,
    int plotLeft,
    int plotTop,
    int plotBottom,
    String maxLabel,
    List<Bar> bars) {

  /** One arm's bar; coordinates in SVG user units. */
  public record Bar(
      String arm,
      String rate,
      String interval,
      int x,
      int y,
      int barWidth,
      int barHeight,
      int whiskerX,
      int capLeft,
      int capRight,
      int whiskerTop,
      int whiskerBottom,
      int labelY) {}

  private static final int WIDTH = 560;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int TOP = 20;
  private static final int BOTTOM = 220;

  /** Where the axis labels end, just left of the axis. */
  public int labelX() {
    return plotLeft - 4;
  }

  static Chart of(List<ArmResult> arms) {
    double max = 0.01;
    for (ArmResult a : arms) {
      max = Math.max(max, Math.max(a.rate(), a.rateInterval().upper()));
    }
    // Round the axis up to a whole percent so the scale reads cleanly.
    max = Math.ceil(max * 100) / 100.0;
    int slot = (WIDTH - LEFT - 10) / Math.max(1, arms.size());
    int barWidth = Math.min(120, slot - 30);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      ArmResult a = arms.get(i);
      int x = LEFT + 10 + i * slot + (slot - barWidth) / 2;
      int h = scale(a.rate(), max);
      bars.add(
          new Bar(
              a.arm(),
              percent(a.rate()),
              percent(a.rateInterval().lower()) + " – " + percent(a.rateInterval().upper()),
              x,
              BOTTOM - h,
              barWidth,
              h,
              x + barWidth / 2,
              x + barWidth / 2 - 8,
              x + barWidth / 2 + 8,
              BOTTOM - scale(a.rateInterval().upper(), max),
              BOTTOM - scale(a.rateInterval().lower(), max),
              BOTTOM + 18));
    }
    return new Chart(WIDTH, HEIGHT, LEFT, TOP, BOTTOM, percent(max), bars);
  }

  private static int scale(double value, double max) {
    return (int) Math.round((BOTTOM - TOP) * Math.min(1.0, value / max));
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.2f%%", value * 100);
  }
}
