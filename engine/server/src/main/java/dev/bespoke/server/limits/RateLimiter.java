package dev.bespoke.server.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. The
 * table of clients is bounded; when it is full, buckets that have refilled completely (clients that
 * went quiet) are dropped, and if none has, the newcomer is limited rather than the table growing,
 * so a flood of spoofed addresses costs memory once, not without end.
 *
 * <p>Used for the public APIs' per-client limits and for the reach sample's per-space intake.
 */
public final class RateLimiter {

  private static final long NANOS = 1_000_000_000L;

  private final double perNano;
  private final int burst;
  private final int maxClients;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int perSecond, int burst, int maxClients, LongSupplier nanoClock) {
    if (perSecond <= 0 || burst <= 0 || maxClients <= 0) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
    this.perNano = perSecond / (double) NANOS;
    this.burst = burst;
    this.maxClients = maxClients;
    this.clock = nanoClock;
  }

  /** Zero when the request may go ahead, else the seconds until it may (at least 1). */
  public long acquire(String client) {
    long now = clock.getAsLong();
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      if (buckets.size() >= maxClients && !evictIdle(now)) {
        return 1;
      }
      bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    }
    synchronized (bucket) {
      bucket.refill(now, perNano, burst);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      double missing = 1 - bucket.tokens;
      return Math.max(1, (long) Math.ceil(missing / perNano / NANOS));
    }
  }

  int clients() {
    return buckets.size();
  }

  private boolean evictIdle(long now) {
    int before = buckets.size();
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                e.getValue().refill(now, perNano, burst);
                return e.getValue().tokens >= burst;
              }
            });
    return buckets.size() < before || buckets.size() < maxClients;
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }

    void refill(long now, double perNano, int burst) {
      if (now > at) {
        tokens = Math.min(burst, tokens + (now - at) * perNano);
        at = now;
      }
    }
  }
}
