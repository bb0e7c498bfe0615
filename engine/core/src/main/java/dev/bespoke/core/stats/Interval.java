package dev.bespoke.core.stats;

/** A closed interval {@code [lower, upper]}. */
public record Interval(double lower, double upper) {

  /** Knows nothing: every proportion, or every difference of proportions. */
  static final Interval ANY_DIFFERENCE = new Interval(-1, 1);

  public Interval {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("not an interval: [" + lower + ", " + upper + "]");
    }
  }

  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }

  public double width() {
    return upper - lower;
  }

  /** Clamped to {@code [min, max]}: a proportion's interval past 0 or 1 claims what cannot be. */
  static Interval clamped(double lower, double upper, double min, double max) {
    return new Interval(Math.max(min, lower), Math.min(max, upper));
  }
}
