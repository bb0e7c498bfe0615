package dev.bespoke.server.profile;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The profile rules a store applies, as plain values (the stores never see configuration).
 *
 * @param ttl how long an untouched profile lives; refreshed by every write
 * @param scoreHalfLife how long an interest score takes to halve
 * @param behaviorRetention the longest window a rule may ask about; older day buckets are dropped
 * @param sessionGap the inactivity after which the next touch opens a new visit
 * @param caps how many counters and scores one profile may hold
 */
public record ProfileSettings(
    Duration ttl,
    Duration scoreHalfLife,
    Duration behaviorRetention,
    Duration sessionGap,
    ProfileCaps caps) {

  public static final ProfileSettings DEFAULTS =
      new ProfileSettings(
          Duration.ofDays(90), Duration.ofDays(14), Duration.ofDays(90), Duration.ofMinutes(30));

  /** Settings with the default caps. */
  public ProfileSettings(
      Duration ttl, Duration scoreHalfLife, Duration behaviorRetention, Duration sessionGap) {
    this(ttl, scoreHalfLife, behaviorRetention, sessionGap, ProfileCaps.DEFAULTS);
  }

  public ProfileSettings {
    Objects.requireNonNull(caps, "caps");
    requirePositive(ttl, "ttl");
    requirePositive(scoreHalfLife, "scoreHalfLife");
    requirePositive(behaviorRetention, "behaviorRetention");
    requirePositive(sessionGap, "sessionGap");
    if (behaviorRetention.toDays() < 1) {
      throw new IllegalArgumentException("behaviorRetention must be at least one day");
    }
  }

  /**
   * The oldest day bucket kept when today is {@code today}: a retention of 90 days keeps today and
   * the 89 days before, exactly what the longest window ({@code within: P90D}) reads.
   */
  public LocalDate oldestKeptDay(LocalDate today) {
    return today.minusDays(behaviorRetention.toDays() - 1);
  }

  public ProfileSettings withTtl(Duration newTtl) {
    return new ProfileSettings(newTtl, scoreHalfLife, behaviorRetention, sessionGap, caps);
  }

  public ProfileSettings withCaps(ProfileCaps newCaps) {
    return new ProfileSettings(ttl, scoreHalfLife, behaviorRetention, sessionGap, newCaps);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
