package dev.bespoke.server.profile;

import java.time.Duration;
import java.time.Instant;

/**
 * An interest score: {@code value} as it stood at {@code asOf}. It halves every half-life, so
 * "still interested" needs recent evidence while old evidence fades instead of counting for ever.
 */
public record Score(double value, Instant asOf) {

  /**
   * Scores that decayed below this are dropped when a profile is pruned: a single event reaches it
   * after about 6.6 half-lives, and no sensible rule asks for less.
   */
  public static final double NEGLIGIBLE = 0.01;

  /** The value at {@code now}; a moment before {@code asOf} reads as {@code asOf}. */
  public double valueAt(Instant now, Duration halfLife) {
    long elapsed = Math.max(0, now.toEpochMilli() - asOf.toEpochMilli());
    return value * decay(elapsed, halfLife);
  }

  /**
   * This score plus {@code other}, both decayed to the later of their two instants. Adding is
   * commutative, so writes applied out of order (a retried buffer, two nodes) give the same score.
   */
  public Score plus(Score other, Duration halfLife) {
    long a = asOf.toEpochMilli();
    long b = other.asOf.toEpochMilli();
    long latest = Math.max(a, b);
    double sum = value * decay(latest - a, halfLife) + other.value * decay(latest - b, halfLife);
    return new Score(sum, Instant.ofEpochMilli(latest));
  }

  static double decay(long elapsedMillis, Duration halfLife) {
    return Math.pow(2, -(double) elapsedMillis / halfLife.toMillis());
  }
}
