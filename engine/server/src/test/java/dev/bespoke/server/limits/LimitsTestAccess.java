package dev.bespoke.server.limits;

import java.util.List;
import java.util.function.LongSupplier;

/** Reaches the package-private parts of the limits feature from the reliability tests. */
public final class LimitsTestAccess {

  private LimitsTestAccess() {}

  public static ClientAddresses clients(List<String> trusted) {
    return new ClientAddresses(trusted);
  }

  public static Object limiter(int perSecond, int burst, int maxClients, LongSupplier clock) {
    return new RateLimiter(perSecond, burst, maxClients, clock);
  }

  public static long acquire(Object limiter, String client) {
    return ((RateLimiter) limiter).acquire(client);
  }

  public static int clients(Object limiter) {
    return ((RateLimiter) limiter).clients();
  }
}
