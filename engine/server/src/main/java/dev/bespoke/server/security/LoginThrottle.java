package dev.bespoke.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Slows down password guessing per user name: after a few failures each further one locks the name
 * out for twice as long as the last, up to a maximum. A locked-out attempt is refused before the
 * password is checked, so guessing costs the attacker time and us no bcrypt work. Names that do not
 * exist are throttled alike, so the answers do not tell which names are real. Keyed by name, not
 * address: rotating addresses does not reset it (the price is that a guesser can delay the real
 * user, by minutes at most).
 */
@ApplicationScoped
public class LoginThrottle {

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

  /** Names tracked at once; beyond it the table is cleared of expired entries first. */
  static final int MAX_NAMES = 10_000;

  private final LoginThrottleConfig config;
  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(LoginThrottleConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Seconds the name must wait before its next try, or 0. */
  public long waitFor(String name) {
    Failures f = failures.get(key(name));
    if (f == null) {
      return 0;
    }
    synchronized (f) {
      Duration left = Duration.between(clock.instant(), f.lockedUntil);
      return left.isNegative() || left.isZero() ? 0 : Math.max(1, (left.toMillis() + 999) / 1000);
    }
  }

  public void failed(String name) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_NAMES) {
      failures.values().removeIf(f -> f.last.plus(config.window()).isBefore(now));
    }
    Failures f = failures.computeIfAbsent(key(name), k -> new Failures());
    synchronized (f) {
      if (f.last != null && f.last.plus(config.window()).isBefore(now)) {
        f.count = 0;
      }
      f.count++;
      f.last = now;
      int over = f.count - config.freeFailures();
      if (over > 0) {
        Duration lock = config.initialLockout().multipliedBy(1L << Math.min(over - 1, 20));
        if (lock.compareTo(config.maxLockout()) > 0) {
          lock = config.maxLockout();
        }
        f.lockedUntil = now.plus(lock);
        // the name only: never the password tried, nor where it came from (a personal address)
        LOG.warnf(
            "login failure %d for user name %s; locked out for %s", f.count, safe(name), lock);
      }
    }
  }

  public void succeeded(String name) {
    failures.remove(key(name));
  }

  private static String key(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }

  private static String safe(String name) {
    String n = name == null ? "" : name;
    n = n.length() > 64 ? n.substring(0, 64) : n;
    return n.replaceAll("[^A-Za-z0-9._@-]", "?");
  }

  private static final class Failures {
    int count;
    Instant last;
    Instant lockedUntil = Instant.EPOCH;
  }
}
